import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The service introduction (B1): written by administrators in the API or the editor, read by
/// anyone on the landing page.
@Suite("Service introduction")
struct ServiceIntroductionTests {
    @Test("anyone reads it; only administrators replace it; a bad field is refused by name and nothing is stored")
    func api() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await PortalFixtures.staff(tenant, "minh")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let empty = try await api.call(.get, "/introduction")
            #expect(empty.status == .ok)
            #expect(empty.json["hotline"] as? String == "" && (empty.json["vi"] as? [String: Any])?["scope"] as? String == "")

            let body: [String: Any] = [
                "vi": ["delivery": "  Hỗ trợ từ xa qua portal.  ", "scope": "Phần mềm BRAVO", "hours": "8:00-17:30"],
                "hotline": "1900 6868", "email": " HoTro@AnPhat.VN ", "zalo": "https://zalo.me/anphat", "website": "https://anphat.vn",
            ]
            let agent = try await api.call(.put, "/settings/introduction", token: try await api.staffSession("minh"), json: body)
            #expect(agent.status == .forbidden)
            let admin = try await api.staffSession("lan")
            for (field, value) in [("website", "javascript:alert(1)"), ("hotline", "gọi ngay"), ("email", "hotro@")] {
                var bad = body
                bad[field] = value
                let refused = try await api.call(.put, "/settings/introduction", token: admin, json: bad)
                #expect(refused.status == .unprocessableContent && refused.errorField == field, "\(field)")
            }
            #expect(try await api.call(.get, "/introduction").json["hotline"] as? String == "")

            let stored = try await api.call(.put, "/settings/introduction", token: admin, json: body)
            #expect(stored.status == .ok)
            #expect(stored.json["email"] as? String == "hotro@anphat.vn")
            let read = try await api.call(.get, "/introduction")
            #expect((read.json["vi"] as? [String: Any])?["delivery"] as? String == "Hỗ trợ từ xa qua portal.")
            #expect((read.json["en"] as? [String: Any])?["delivery"] as? String == "")
        }
    }

    @Test("the editor keeps what was entered next to a refusal, saves, and the landing page shows it escaped, in either language")
    func editorAndLanding() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await PortalFixtures.staff(tenant, "minh")
        try await withPortal { client in
            var agent = try await PageVisitor.signedIn(client, tenant, username: "minh")
            #expect(try await agent.get("staff/settings/introduction").status == .forbidden)
            var signedOut = PageVisitor(client: client, tenant: tenant)
            #expect(try await signedOut.get("staff/settings/introduction").headers[.location] == "/t/\(tenant.slug)/staff/login")
            let before = try await signedOut.get("")
            #expect(!before.text.contains("Giới thiệu dịch vụ"))

            var admin = try await PageVisitor.signedIn(client, tenant, username: "lan")
            let editor = try await admin.get("staff/settings/introduction")
            #expect(editor.status == .ok && editor.text.contains("name=\"delivery_vi\""))
            let refused = try await admin.post(
                "staff/settings/introduction",
                ["delivery_vi": "Hỗ trợ <script>alert(1)</script> tận nơi", "email": "không phải email"]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("id=\"email-error\""))
            #expect(refused.text.contains("Hỗ trợ &lt;script&gt;alert(1)&lt;/script&gt; tận nơi"))
            #expect(!refused.text.contains("id=\"delivery-vi-error\""))

            let saved = try await admin.post(
                "staff/settings/introduction",
                ["delivery_vi": "Hỗ trợ <script>alert(1)</script> tận nơi", "hours_en": "8am to 5:30pm, Monday to Friday", "hotline": "1900 6868"]
            )
            #expect(saved.status == .seeOther)
            #expect(try await admin.get("staff/settings/introduction?saved").text.contains("role=\"status\""))

            let vietnamese = try await signedOut.get("")
            #expect(vietnamese.text.contains("Hỗ trợ &lt;script&gt;alert(1)&lt;/script&gt; tận nơi"))
            #expect(vietnamese.text.contains("<a href=\"tel:19006868\">1900 6868</a>"))
            let english = try await signedOut.get("?lang=en")
            #expect(english.text.contains("8am to 5:30pm, Monday to Friday") && english.text.contains("Hỗ trợ &lt;script&gt;"))
        }
    }
}

/// The operator's way in (`portal-admin tenant introduction`): the API's JSON, the same checks.
@Suite("Service introduction for operators")
struct ServiceIntroductionOperatorTests {
    @Test("the API's JSON is read as an introduction, a malformed one is refused, and set checks like the API")
    func fromJSON() async throws {
        let read = try ServiceIntroductionDesk.introduction(fromJSON: Data(#"{"vi": {"hours": "8:00-17:30"}, "hotline": "1900 6868"}"#.utf8))
        #expect(read.vi.hours == "8:00-17:30" && read.hotline == "1900 6868" && read.en.isEmpty)
        #expect(throws: PortalError.malformedBody) { try ServiceIntroductionDesk.introduction(fromJSON: Data("{".utf8)) }
        let tenant = try await PortalFixtures.tenant()
        try await TestDatabase.asAdmin { admin in
            let desk = ServiceIntroductionDesk(database: admin)
            await #expect(throws: PortalError.invalid(field: "website", .webAddressInvalid)) {
                try await desk.set(ServiceIntroduction(website: "ftp://anphat.vn"), tenant: tenant, logger: TestDatabase.logger)
            }
            _ = try await desk.set(read, tenant: tenant, logger: TestDatabase.logger)
            #expect(try await desk.current(tenant: tenant, logger: TestDatabase.logger) == read)
            #expect(try ServiceIntroductionDesk.json(read).contains(#""hotline":"1900 6868""#))
        }
    }
}
