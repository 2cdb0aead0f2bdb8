import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// A customer organisation's whole picture in the workspace (issue 18, item 8).
@Suite("A customer's whole picture")
struct CustomerPicturePageTests {
    @Test("any staff member sees the customer's details, administrators, contacts and latest tickets; an unknown code is 404")
    func picture() async throws {
        let tenant = try await PortalFixtures.tenant()
        let admins = [Customer.Admin(name: "Phạm Quốc Huy", email: "huy@biasaigon.vn", phone: "0987654321")]
        let token = try await PortalFixtures.token(tenant, admins: admins)
        _ = try await PortalFixtures.token(tenant, customer: "Công ty Khác")
        try await PortalFixtures.staff(tenant, "minh")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token, title: "Máy in không in được")
            var agent = try await PageVisitor.signedIn(client, tenant, username: "minh")
            let page = try await agent.get("staff/customers/kh0001")
            #expect(page.status == .ok)
            for expected in [
                "KH0001 · Công ty Bia Sài Gòn", "Phạm Quốc Huy · huy@biasaigon.vn", "Nguyễn Thị Lan · lan@anphat.vn", code,
                "href=\"/t/\(tenant.slug)/staff/tickets?customer=KH0001\"",
            ] {
                #expect(page.text.contains(expected), "\(expected)")
            }
            let other = try await agent.get("staff/customers/KH0002")
            #expect(other.status == .ok && !other.text.contains(code))
            #expect(try await agent.get("staff/customers/KH9999").status == .notFound)
            let table = try await agent.get("staff/tickets")
            #expect(table.text.contains("href=\"/t/\(tenant.slug)/staff/customers/KH0001\""))
        }
    }
}
