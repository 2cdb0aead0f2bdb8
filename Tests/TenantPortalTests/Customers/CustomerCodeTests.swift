import Foundation
import HTTPTypes
import PortalTestSupport
import Testing

@testable import PGStore
@testable import TenantPortal

/// C1: customer organisations have a code, so two of one name are told apart and never confused.
@Suite("Customer organisations' codes")
struct CustomerCodeTests {
    let logger = TestDatabase.logger

    @Test("codes are generated or given; a shared name is refused, never resolved to the first; --admin replaces the list")
    func codesAndNames() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await TestDatabase.asAdmin { admin in
            let accounts = Accounts(database: admin)
            let admin1 = Customer.Admin(name: "Phạm Quốc Huy", email: "huy@a.vn", phone: "0987654321")
            let first = try await accounts.issueToken(tenant: tenant, customer: "Công ty A", warrantyUntil: nil, admins: [admin1], logger: logger)
            #expect(first.code == "KH0001")
            // A code not seen before makes a new organisation, even of a name taken.
            let second = try await accounts.issueToken(tenant: tenant, customer: "Công ty A", code: "abc-01", warrantyUntil: nil, logger: logger)
            #expect(second.code == "ABC-01")
            await #expect(throws: Accounts.Failure.ambiguousCustomer("Công ty A", count: 2)) {
                try await accounts.rotateToken(tenant: tenant, customer: "Công ty A", logger: logger)
            }
            #expect(try await accounts.rotateToken(tenant: tenant, customer: "abc-01", logger: logger).code == "ABC-01")
            await #expect(throws: Accounts.Failure.invalidCustomerCode("khách 1")) {
                try await accounts.issueToken(tenant: tenant, customer: "Công ty B", code: "khách 1", warrantyUntil: nil, logger: logger)
            }
            await #expect(throws: Accounts.Failure.noCustomer("KH9999")) {
                try await accounts.revokeToken(tenant: tenant, customer: "KH9999", logger: logger)
            }
            // Issued again after a revocation, with other administrators: they replace the old ones.
            try await accounts.revokeToken(tenant: tenant, customer: "KH0001", logger: logger)
            let admin2 = Customer.Admin(name: "Lê Thị Mai", email: "mai@a.vn", phone: "0911222333")
            _ = try await accounts.issueToken(tenant: tenant, customer: "KH0001", warrantyUntil: nil, admins: [admin2], logger: logger)
            let admins = try await admin.withTenant(tenant.scope, logger: logger) { connection in
                try await AccessStore().customerAdmins(customerID: 1, on: connection, logger: logger)
            }
            #expect(admins == [admin2])
            let listed = try await accounts.customers(tenant: tenant, logger: logger)
            #expect(Set(listed.map(\.code)) == ["KH0001", "ABC-01"])
        }
    }

    @Test("the API gives and takes codes: issue with a code, a shared name refused with 409, a bad code 422, who am I shows it")
    func codesInTheAPI() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa", role: .admin)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("hoa")
            let first = try await api.call(.post, "/customers/tokens", token: staff, json: ["customer": "Công ty Bia Sài Gòn"])
            #expect(first.status == .created)
            #expect(first.json["code"] as? String == "KH0001")
            let second = try await api.call(.post, "/customers/tokens", token: staff, json: ["customer": "Công ty Bia Sài Gòn", "code": "BSG-HN"])
            #expect(second.json["code"] as? String == "BSG-HN")
            let shared = try await api.call(.post, "/customers/tokens/rotation", token: staff, json: ["customer": "Công ty Bia Sài Gòn"])
            #expect(shared.status == .conflict)
            #expect(shared.errorCode == "ambiguous_customer")
            #expect(shared.errorMessage.contains("2"))
            let bad = try await api.call(.post, "/customers/tokens", token: staff, json: ["customer": "X", "code": "mã sai"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.errorField == "code")
            let listed = try await api.call(.get, "/customers", token: staff)
            let codes = (listed.json["customers"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(Set(codes) == ["KH0001", "BSG-HN"])
            let me = try await api.call(.get, "/me", token: second.json["token"] as? String ?? "")
            #expect((me.json["customer"] as? [String: Any])?["code"] as? String == "BSG-HN")
        }
    }
}
