import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import Testing

@testable import TenantPortal

@Suite("Attachments")
struct AttachmentAPITests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 200)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 9, count: 300)

    /// A multipart body with one `file` part per entry, after a `request` part with `request` as JSON.
    static func multipart(_ files: [(name: String, bytes: [UInt8], type: String)], request: [String: Any]? = nil) -> (HTTPFields, ByteBuffer) {
        let boundary = "----ranh-gioi-\(UUID().uuidString)"
        var body = ByteBuffer()
        if let request {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n")
            body.writeBytes(try! JSONSerialization.data(withJSONObject: request))
            body.writeString("\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n")
            body.writeString("Content-Type: \(file.type)\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    func upload(
        _ client: any TestClientProtocol,
        _ tenant: Tenant,
        _ code: String,
        token: String,
        _ files: [(name: String, bytes: [UInt8], type: String)]
    ) async throws -> APIClient.Reply {
        var (headers, body) = Self.multipart(files)
        headers[.authorization] = "Bearer \(token)"
        return try await client.execute(uri: "/t/\(tenant.slug)/api/v1/tickets/\(code)/attachments", method: .post, headers: headers, body: body) {
            APIClient.Reply(status: $0.status, headers: $0.headers, body: Data($0.body.readableBytesView))
        }
    }

    @Test("images are stored and served back byte for byte, with their sniffed type and safe headers")
    func uploadAndDownload() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            let reply = try await upload(
                client,
                tenant,
                code,
                token: token,
                [
                    ("màn hình lỗi.png", Self.png, "application/octet-stream"), ("../../etc/ảnh.jpg", Self.jpeg, "image/png"),
                ]
            )
            #expect(reply.status == .created)
            let stored = try #require(reply.json["attachments"] as? [[String: Any]])
            #expect(stored.map { $0["content_type"] as? String } == ["image/png", "image/jpeg"])
            #expect(stored.map { $0["file_name"] as? String } == ["màn hình lỗi.png", "ảnh.jpg"])
            let ticket = try await api.call(.get, "/tickets/\(code)", token: token)
            #expect((ticket.json["attachments"] as? [Any])?.count == 2)
            let id = try #require(stored[0]["id"] as? Int)
            let download = try await api.call(.get, "/tickets/\(code)/attachments/\(id)", token: token)
            #expect(download.status == .ok)
            #expect(Array(download.body) == Self.png)
            #expect(download.headers[.contentType] == "image/png")
            #expect(download.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(download.headers[.contentDisposition]?.hasPrefix("inline; filename=") == true)
        }
    }

    @Test("a download names a Vietnamese file in ASCII only: filename* is its UTF-8 with each byte outside RFC 8187's attr-char as %XX")
    func nonASCIIDownloadName() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        let pdf = Array("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj\n".utf8)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            // Spelled with escapes so that the test's own encoding cannot change the bytes (NFC).
            let names = ["H\u{F3}a \u{111}\u{1A1}n.pdf", "B\u{E1}o gi\u{E1} (v2)~!#$&+^_`|.pdf"]
            let reply = try await upload(client, tenant, code, token: token, names.map { ($0, pdf, "application/pdf") })
            #expect(reply.status == .created)
            let ids = try #require(reply.json["attachments"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
            try #require(ids.count == 2)
            let first = try await api.call(.get, "/tickets/\(code)/attachments/\(ids[0])", token: token)
            #expect(first.headers[.contentDisposition] == "attachment; filename=\"H_a __n.pdf\"; filename*=UTF-8''H%C3%B3a%20%C4%91%C6%A1n.pdf")
            let second = try await api.call(.get, "/tickets/\(code)/attachments/\(ids[1])", token: token)
            #expect(
                second.headers[.contentDisposition]
                    == "attachment; filename=\"B_o gi_ (v2)~!#$&+^_`|.pdf\"; filename*=UTF-8''B%C3%A1o%20gi%C3%A1%20%28v2%29~!#$&+^_`|.pdf"
            )
        }
    }

    @Test("a request filed as multipart keeps its files; one bad file files nothing at all")
    func fileWithAttachments() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            func post(_ files: [(name: String, bytes: [UInt8], type: String)], request: [String: Any]?) async throws -> APIClient.Reply {
                var (headers, body) = Self.multipart(files, request: request)
                headers[.authorization] = "Bearer \(token)"
                return try await client.execute(uri: "/t/\(tenant.slug)/api/v1/tickets", method: .post, headers: headers, body: body) {
                    APIClient.Reply(status: $0.status, headers: $0.headers, body: Data($0.body.readableBytesView))
                }
            }
            let filed = try await post(
                [("xe.jpg", Self.jpeg, "image/jpeg"), ("hóa đơn.png", Self.png, "image/png")],
                request: APIClient.request(title: "Ảnh chụp lỗi")
            )
            #expect(filed.status == .created)
            let code = try #require(filed.json["code"] as? String)
            let files = try #require(filed.json["attachments"] as? [[String: Any]])
            #expect(files.map { $0["file_name"] as? String } == ["xe.jpg", "hóa đơn.png"])
            let id = try #require(files[1]["id"] as? Int)
            #expect(Array(try await api.call(.get, "/tickets/\(code)/attachments/\(id)", token: token).body) == Self.png)

            let refused = try await post(
                [("ok.png", Self.png, "image/png"), ("virus.png", Array("MZ\u{90}".utf8), "image/png")],
                request: APIClient.request(title: "Không được lưu")
            )
            #expect(refused.status == .unsupportedMediaType)
            let missing = try await post([("ok.png", Self.png, "image/png")], request: nil)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.errorCode == "invalid_field")
            let list = try await api.call(.get, "/tickets", token: token)
            #expect((list.json["tickets"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Ảnh chụp lỗi"])
        }
    }

    @Test("a script named like an image is refused by its bytes, and nothing is stored")
    func scriptDisguisedAsImage() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            let reply = try await upload(
                client,
                tenant,
                code,
                token: token,
                [
                    ("ok.png", Self.png, "image/png"), ("photo.png", Array("<script>alert(1)</script>".utf8), "image/png"),
                ]
            )
            #expect(reply.status == .unsupportedMediaType)
            #expect(reply.errorCode == "unsupported_file_type")
            #expect(reply.errorMessage.contains("photo.png"))
            #expect((try await api.call(.get, "/tickets/\(code)", token: token).json["attachments"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("per-file and per-ticket limits are enforced with clear errors")
    func limits() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal(attachmentLimits: AttachmentLimits(maxBytes: 1024, maxFiles: 2)) { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            let big = try await upload(client, tenant, code, token: token, [("lon.png", Self.png + Array(repeating: 1, count: 2000), "image/png")])
            #expect(big.status == .contentTooLarge)
            #expect(big.errorCode == "file_too_large")
            #expect(
                try await upload(client, tenant, code, token: token, [("1.png", Self.png, "image/png"), ("2.jpg", Self.jpeg, "image/jpeg")]).status
                    == .created
            )
            let third = try await upload(client, tenant, code, token: token, [("3.png", Self.png, "image/png")])
            #expect(third.status == .unprocessableContent)
            #expect(third.errorCode == "too_many_files")
        }
    }

    @Test("another customer can neither attach to nor download from a ticket it cannot see")
    func otherCustomer() async throws {
        let tenant = try await PortalFixtures.tenant()
        let mine = try await PortalFixtures.token(tenant, customer: "Công ty E")
        let theirs = try await PortalFixtures.token(tenant, customer: "Công ty G")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: mine)
            let stored = try await upload(client, tenant, code, token: mine, [("a.png", Self.png, "image/png")])
            let id = (stored.json["attachments"] as? [[String: Any]])?.first?["id"] as? Int ?? 0
            #expect(try await api.call(.get, "/tickets/\(code)/attachments/\(id)", token: theirs).status == .notFound)
            #expect(try await upload(client, tenant, code, token: theirs, [("b.png", Self.png, "image/png")]).status == .notFound)
        }
    }

    @Test("file kinds are recognised by their first bytes; names lose folders and control characters")
    func sniffing() {
        #expect(UploadedFile.sniff(ByteBuffer(bytes: Self.png)) == "image/png")
        #expect(UploadedFile.sniff(ByteBuffer(bytes: Self.jpeg)) == "image/jpeg")
        #expect(UploadedFile.sniff(ByteBuffer(string: "GIF89a....")) == "image/gif")
        #expect(UploadedFile.sniff(ByteBuffer(string: "RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ")) == "image/webp")
        #expect(UploadedFile.sniff(ByteBuffer(string: "%PDF-1.7\n")) == "application/pdf")
        #expect(UploadedFile.sniff(ByteBuffer(string: "#!/bin/sh\nrm -rf /")) == nil)
        #expect(UploadedFile.cleanName("C:\\Users\\lan\\hóa đơn\u{7}.pdf") == "hóa đơn.pdf")
        #expect(UploadedFile.cleanName(nil) == "file")
    }
}
