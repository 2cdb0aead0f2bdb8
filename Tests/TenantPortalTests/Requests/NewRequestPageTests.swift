import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// Filing a request from the browser form (PRODUCT.md B4, B5).
@Suite("New request page")
struct NewRequestPageTests {
    /// A multipart form body with text `fields` and `files`.
    static func form(_ fields: [(String, String)], files: [(name: String, bytes: [UInt8])] = []) -> (HTTPFields, ByteBuffer) {
        let boundary = "----bieu-mau-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: image/png\r\n\r\n"
            )
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    @Test("every refusal shows next to its field with the input kept; a good form files the request with its pictures, once")
    func fileFromTheForm() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            _ = try await api.file(token: token, email: "lan@bia.vn", phone: "0912345678")
            let session = try await api.call(.post, "/sessions", json: ["token": token])
            let cookie = String(
                try #require(session.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName) }).split(separator: ";")[0]
            )
            let page = try await client.execute(uri: "/t/\(tenant.slug)/requests/new", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("data-email=\"lan@bia.vn\""))
            let csrfCookie = String(
                try #require(page.headers[values: .setCookie].first { $0.hasPrefix(FormProtection.cookieName) }).split(separator: ";")[0]
            )
            let csrf = String(csrfCookie.split(separator: "=", maxSplits: 1)[1])
            func post(_ fields: [(String, String)], files: [(name: String, bytes: [UInt8])] = []) async throws -> TestResponse {
                var (headers, body) = Self.form([("csrf", csrf)] + fields, files: files)
                headers[.cookie] = "\(cookie); \(csrfCookie)"
                return try await client.execute(uri: "/t/\(tenant.slug)/requests/new", method: .post, headers: headers, body: body)
            }

            let empty = try await post([("title", ""), ("content", "Máy in kêu \"rè rè\""), ("contact_email", "sai@"), ("contact_phone", "12")])
            #expect(empty.status == .unprocessableContent)
            for id in ["title-error", "contact-name-error", "contact-email-error", "contact-phone-error"] {
                #expect(empty.text.contains("id=\"\(id)\""), "\(id)")
            }
            #expect(!empty.text.contains("id=\"content-error\""))
            #expect(empty.text.contains("Máy in kêu &quot;rè rè&quot;"))

            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 1, count: 64)
            let script = try await post(
                [
                    ("title", "Ảnh lỗi"), ("content", "Xem ảnh"), ("contact_name", "Lan"), ("contact_email", "lan@bia.vn"),
                    ("contact_phone", "0912345678"),
                ],
                files: [("a.png", png), ("b.png", Array("<script>".utf8))]
            )
            #expect(script.text.contains("id=\"files-error\""))
            #expect(script.text.contains("value=\"Ảnh lỗi\""))

            let fields = [
                ("title", "Ảnh lỗi"), ("content", "Xem hai ảnh"), ("contact_name", "Lan"), ("contact_email", "lan@bia.vn"),
                ("contact_phone", "0912345678"), ("idempotency", "form-1"),
            ]
            let filed = try await post(fields, files: [("a.png", png), ("b.png", png)])
            #expect(filed.status == .seeOther)
            let location = try #require(filed.headers[.location])
            let code = String(location.split(separator: "/").last ?? "")
            let ticket = try await api.call(.get, "/tickets/\(code)", token: token)
            #expect((ticket.json["attachments"] as? [Any])?.count == 2)
            let again = try await post(fields, files: [("a.png", png), ("b.png", png)])
            #expect(again.headers[.location] == location)
        }
    }
}
