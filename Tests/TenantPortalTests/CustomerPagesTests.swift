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

            let badDay = try await admin.post("staff/customers/issue", ["name": "Gara Minh Long", "warranty_until": "2026-02-30"])
            #expect(badDay.status == .unprocessableContent)
            #expect(badDay.text.contains("id=\"warranty-until-error\"") && badDay.text.contains("value=\"Gara Minh Long\""))
            #expect(try await admin.get("staff/customers").text.contains("Chưa có khách hàng nào."))

            let issued = try await admin.post("staff/customers/issue", ["name": "Gara Minh Long", "warranty_until": "2027-06-30"])
            #expect(issued.status == .ok && issued.headers[.cacheControl] == "no-store")
            let first = try #require(Self.token(in: issued))
            #expect(try await api.call(.post, "/sessions", json: ["token": first]).status == .created)
            let listed = try await admin.get("staff/customers")
            #expect(listed.text.contains("<td>Gara Minh Long</td><td>30/06/2027</td>") && Self.token(in: listed) == nil)

            let again = try await admin.post("staff/customers/issue", ["name": "Gara Minh Long"])
            #expect(again.status == .conflict && again.text.contains("đã có mã truy cập"))

            let rotated = try await admin.post("staff/customers/rotate", ["name": "Gara Minh Long"])
            let second = try #require(Self.token(in: rotated))
            #expect(second != first)
            #expect(try await api.call(.post, "/sessions", json: ["token": first]).status == .unauthorized)
            #expect(try await api.call(.get, "/me", token: second).status == .ok)

            let revoked = try await admin.post("staff/customers/revoke", ["name": "Gara Minh Long"])
            #expect(revoked.status == .seeOther && revoked.headers[.location] == "/t/\(tenant.slug)/staff/customers?revoked")
            #expect(try await api.call(.get, "/me", token: second).status == .unauthorized)
            let after = try await admin.get("staff/customers?revoked&lang=en")
            #expect(after.text.contains("The token is revoked.") && after.text.contains("<td>None</td>"))

            let missing = try await admin.post("staff/customers/rotate", ["name": "Không có ai"])
            #expect(missing.status == .conflict && missing.text.contains("There is no customer named Không có ai."))
        }
    }
}
