import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// Pictures with a reply (issue 5): the customer's reply and the staff's note carry files, checked
/// by their bytes before anything is stored.
@Suite("Replies and notes with files")
struct ReplyAttachmentTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64)

    @Test("a reply carries pictures or is only pictures; a script posing as a picture is refused with the reply kept and nothing stored")
    func customerReply() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            var customer = try await PageVisitor.signedIn(client, tenant, token: token)
            let page = try await customer.get("requests/\(code)")
            #expect(page.text.contains("enctype=\"multipart/form-data\"") && page.text.contains("id=\"reply-files\""))

            let refused = try await customer.post(
                "requests/\(code)/reply",
                [("text", "Ảnh lỗi đây ạ")],
                files: [("loi.png", Self.png), ("hack.png", Array("<script>".utf8))]
            )
            #expect(refused.status == .unsupportedMediaType)
            #expect(refused.text.contains("Ảnh lỗi đây ạ</textarea>") && refused.text.contains("hack.png"))
            #expect((try await Self.ticket(api, code, token)["attachments"] as? [Any])?.isEmpty == true)

            #expect(
                try await customer.post("requests/\(code)/reply", [("text", "Ảnh lỗi đây ạ")], files: [("loi.png", Self.png)]).status == .seeOther
            )
            #expect(try await customer.post("requests/\(code)/reply", [("text", "")], files: [("them.png", Self.png)]).status == .seeOther)
            #expect(try await customer.post("requests/\(code)/reply", [("text", " ")], files: []).status == .unprocessableContent)
            let ticket = try await Self.ticket(api, code, token)
            #expect((ticket["attachments"] as? [[String: Any]])?.compactMap { $0["file_name"] as? String } == ["loi.png", "them.png"])
            let texts = (ticket["timeline"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(texts.filter { $0 == "Ảnh lỗi đây ạ" }.count == 1)

            var staff = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            _ = try await staff.get("staff/tickets/\(code)")
            let note = try await staff.post(
                "staff/tickets/\(code)/note",
                [("text", "Đã xem ảnh"), ("public", "true")],
                files: [("sua.png", Self.png)]
            )
            #expect(note.status == .seeOther)
            let after = try await Self.ticket(api, code, token)
            #expect((after["attachments"] as? [Any])?.count == 3)
        }
    }

    @Test("a file sent with an internal note stays with staff: not listed, not in the timeline, not downloadable for the customer")
    func internalNoteFile() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            var staff = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            _ = try await staff.get("staff/tickets/\(code)")
            let note = try await staff.post("staff/tickets/\(code)/note", [("text", "Bảng lương nội bộ")], files: [("noi-bo.png", Self.png)])
            #expect(note.status == .seeOther)
            let shared = try await staff.post(
                "staff/tickets/\(code)/note",
                [("text", "Ảnh cho khách"), ("public", "true")],
                files: [("cho-khach.png", Self.png)]
            )
            #expect(shared.status == .seeOther)

            let session = try await api.staffSession("hoa")
            let seenByStaff = try await api.call(.get, "/tickets/\(code)", token: session).json
            let staffFiles = (seenByStaff["attachments"] as? [[String: Any]] ?? []).compactMap { $0["file_name"] as? String }
            #expect(staffFiles == ["noi-bo.png", "cho-khach.png"])
            let internalID = try #require((seenByStaff["attachments"] as? [[String: Any]])?.first?["id"] as? Int)
            #expect(try await api.call(.get, "/tickets/\(code)/attachments/\(internalID)", token: session).status == .ok)

            let seenByCustomer = try await Self.ticket(api, code, token)
            #expect((seenByCustomer["attachments"] as? [[String: Any]])?.compactMap { $0["file_name"] as? String } == ["cho-khach.png"])
            let texts = (seenByCustomer["timeline"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(!texts.contains("noi-bo.png") && !texts.contains("Bảng lương nội bộ") && texts.contains("cho-khach.png"))
            #expect(try await api.call(.get, "/tickets/\(code)/attachments/\(internalID)", token: token).status == .notFound)
            var customer = try await PageVisitor.signedIn(client, tenant, token: token)
            let page = try await customer.get("requests/\(code)")
            #expect(page.text.contains("cho-khach.png") && !page.text.contains("noi-bo.png"))
        }
    }

    static func ticket(_ api: APIClient, _ code: String, _ token: String) async throws -> [String: Any] {
        try await api.call(.get, "/tickets/\(code)", token: token).json
    }
}
