import Foundation
import HTTPTypes
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// Canned replies and the automatic first reply (PRODUCT.md B12).
@Suite("Canned replies")
struct CannedReplyTests {
    @Test("staff add and edit canned replies; a new ticket containing a keyword gets the reply as its first public answer")
    func cannedAndAutomatic() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("hoa")
            let created = try await api.call(
                .post,
                "/canned-replies",
                token: staff,
                json: ["title": "Kẹt giấy máy in", "body": "Anh/chị vui lòng tắt máy in, mở nắp và lấy giấy kẹt ra.", "keywords": ["Kẹt Giấy", " "]]
            )
            #expect(created.status == .created)
            #expect(created.json["keywords"] as? [String] == ["kẹt giấy"])
            let id = try #require(created.json["id"] as? Int)
            let edited = try await api.call(
                .put,
                "/canned-replies/\(id)",
                token: staff,
                json: [
                    "title": "Kẹt giấy", "body": "Vui lòng tắt máy in rồi lấy giấy kẹt ra; nếu vẫn lỗi, chúng tôi sẽ gọi lại.",
                    "keywords": ["kẹt giấy", "paper jam"],
                ]
            )
            #expect(edited.status == .ok)
            #expect(try await api.call(.put, "/canned-replies/999999", token: staff, json: ["title": "x", "body": "y"]).status == .notFound)
            let missing = try await api.call(.post, "/canned-replies", token: staff, json: ["title": "x"], headers: [.acceptLanguage: "en"])
            #expect(missing.errorField == "body")
            #expect(try await api.call(.get, "/canned-replies", token: token).status == .forbidden)

            let matched = try await api.file(token: token, title: "Máy in tầng 2 bị KẸT GIẤY")
            let plain = try await api.file(token: token, title: "Không đăng nhập được")
            let replied = try await api.call(.get, "/tickets/\(matched)", token: token)
            let notes = (replied.json["timeline"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "note" }
            #expect(notes.map { $0["text"] as? String } == ["Vui lòng tắt máy in rồi lấy giấy kẹt ra; nếu vẫn lỗi, chúng tôi sẽ gọi lại."])
            #expect(notes.first?["actor"] as? String == "system")
            let untouched = try await api.call(.get, "/tickets/\(plain)", token: token)
            #expect((untouched.json["timeline"] as? [[String: Any]])?.contains { $0["kind"] as? String == "note" } == false)

            #expect(try await api.call(.delete, "/canned-replies/\(id)", token: staff).status == .noContent)
            #expect((try await api.call(.get, "/canned-replies", token: staff).json["replies"] as? [Any])?.isEmpty == true)
        }
    }
}
