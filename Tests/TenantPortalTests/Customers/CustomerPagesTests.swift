import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The staff's customers and tokens page (issue 5): administrators issue, rotate and revoke.
@Suite("Customers and tokens page")
struct CustomerPagesTests {
    /// The token the page shows once.
    static func token(in response: TestResponse) -> String? {
        guard let start = response.text.range(of: "<code id=\"issued-token\" class=\"token\">"),
            let end = response.text.range(of: "</code>", range: start.upperBound..<response.text.endIndex)
        else { return nil }
        return String(response.text[start.upperBound..<end.lowerBound])
    }

    @Test("an administrator issues a token shown once that signs the customer in; rotating ends the old one; revoking ends it all")
    func issueRotateRevoke() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await PortalFixtures.staff(tenant, "minh")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            var agent = try await PageVisitor.signedIn(client, tenant, username: "minh")
            #expect(try await agent.get("staff/customers").status == .forbidden)
            var admin = try await PageVisitor.signedIn(client, tenant, username: "lan")
            let empty = try await admin.get("staff/customers")
            #expect(empty.status == .ok && empty.text.contains("Chưa có khách hàng nào."))

            let badDay = try await admin.post("staff/customers/issue", ["customer": "Gara Minh Long", "warranty_until": "2026-02-30"])
            #expect(badDay.status == .unprocessableContent)
            #expect(badDay.text.contains("id=\"warranty-until-error\"") && badDay.text.contains("value=\"Gara Minh Long\""))
            #expect(try await admin.get("staff/customers").text.contains("Chưa có khách hàng nào."))

            let issued = try await admin.post("staff/customers/issue", ["customer": "Gara Minh Long", "warranty_until": "2027-06-30"])
            #expect(issued.status == .ok && issued.headers[.cacheControl] == "no-store")
            let first = try #require(Self.token(in: issued))
            #expect(try await api.call(.post, "/sessions", json: ["token": first]).status == .created)
            let listed = try await admin.get("staff/customers")
            #expect(listed.text.contains("<td>Gara Minh Long</td><td>30/06/2027</td>") && Self.token(in: listed) == nil)

            let again = try await admin.post("staff/customers/issue", ["customer": "Gara Minh Long"])
            #expect(again.status == .conflict && again.text.contains("đã có mã truy cập"))

            let rotated = try await admin.post("staff/customers/rotate", ["customer": "Gara Minh Long"])
            let second = try #require(Self.token(in: rotated))
            #expect(second != first)
            #expect(try await api.call(.post, "/sessions", json: ["token": first]).status == .unauthorized)
            #expect(try await api.call(.get, "/me", token: second).status == .ok)

            let revoked = try await admin.post("staff/customers/revoke", ["customer": "Gara Minh Long"])
            #expect(revoked.status == .seeOther && revoked.headers[.location] == "/t/\(tenant.slug)/staff/customers?revoked")
            #expect(try await api.call(.get, "/me", token: second).status == .unauthorized)
            let after = try await admin.get("staff/customers?revoked&lang=en")
            #expect(after.text.contains("The token is revoked.") && after.text.contains("<td>None</td>"))

            let missing = try await admin.post("staff/customers/rotate", ["customer": "Không có ai"])
            #expect(missing.status == .notFound && missing.text.contains("There is no customer with the code or name Không có ai."))
        }
    }
}

/// Customers and their tokens through the JSON API (C1, I3).
@Suite("Customers API")
struct CustomerAPITests {
    @Test("an administrator issues, lists, rotates and revokes tokens through the API; agents are refused; refusals name the customer")
    func tokens() async throws {
        let tenant = try await PortalFixtures.tenantWithAdminAndAgent()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let admin = try await api.staffSession("hoa")
            let issued = try await api.call(
                .post,
                "/customers/tokens",
                token: admin,
                json: ["customer": "Gara Minh Long", "warranty_until": "2027-06-30"]
            )
            #expect(issued.status == .created)
            #expect(issued.headers[.cacheControl] == "no-store")
            let first = try #require(issued.json["token"] as? String)
            #expect(try await api.call(.get, "/me", token: first).json["name"] as? String == "Gara Minh Long")

            let listed = try #require(try await api.call(.get, "/customers", token: admin).json["customers"] as? [[String: Any]])
            #expect(listed.count == 1)
            #expect(listed.first?["warranty_until"] as? String == "2027-06-30")
            #expect(listed.first?["token_issued_at"] is String)

            let again = try await api.call(.post, "/customers/tokens", token: admin, json: ["customer": "Gara Minh Long"])
            #expect(again.status == .conflict)
            #expect(again.errorCode == "token_exists")
            let badDay = try await api.call(
                .post,
                "/customers/tokens",
                token: admin,
                json: ["customer": "Gara Khác", "warranty_until": "2026-02-30"]
            )
            #expect(badDay.errorField == "warranty_until")

            let rotated = try await api.call(.post, "/customers/tokens/rotation", token: admin, json: ["customer": "Gara Minh Long"])
            let second = try #require(rotated.json["token"] as? String)
            #expect(second != first)
            #expect(try await api.call(.get, "/me", token: first).status == .unauthorized)
            #expect(
                try await api.call(.post, "/customers/tokens/revocation", token: admin, json: ["customer": "Gara Minh Long"]).status == .noContent
            )
            #expect(try await api.call(.get, "/me", token: second).status == .unauthorized)
            let missing = try await api.call(.post, "/customers/tokens/rotation?lang=en", token: admin, json: ["customer": "Không có ai"])
            #expect(missing.status == .notFound)
            #expect(missing.errorMessage == "There is no customer with the code or name Không có ai.")

            let agent = try await api.staffSession("minh")
            #expect(try await api.call(.get, "/customers", token: agent).status == .forbidden)
            #expect(try await api.call(.post, "/customers/tokens", token: agent, json: ["customer": "Gara B"]).status == .forbidden)
        }
    }
}
