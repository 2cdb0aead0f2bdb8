import Foundation
import HTTPTypes
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// A1, I4: ticket types belong to modules and to the people they are for.
@Suite("Ticket types gated by modules and by who files")
struct ModuleGateTests {
    @Test("a customer token cannot file an HR request; a tenant without hr has no HR request type; an employee files one where hr is on")
    func typesFollowModulesAndFilers() async throws {
        let vendor = try await PortalFixtures.tenant(modules: "it,care")
        let office = try await PortalFixtures.tenant(modules: "hr,survey")
        let customer = try await PortalFixtures.token(vendor)
        try await PortalFixtures.staff(vendor, "hoa", role: .admin)
        try await PortalFixtures.portalUser(office, "nv0001", kind: "employee")
        try await PortalFixtures.portalUser(office, "dl001", kind: "agent")
        let officeCustomer = try await PortalFixtures.token(office)
        try await withPortal { client in
            let it = APIClient(client: client, tenant: vendor)
            let hr = APIClient(client: client, tenant: office)
            func file(_ api: APIClient, _ token: String, type: String?) async throws -> APIClient.Reply {
                var request = APIClient.request()
                request["type"] = type
                return try await api.call(.post, "/tickets", token: token, json: request)
            }
            // The IT vendor has no HR request type, for its customers or its staff.
            let staff = try await it.staffSession("hoa")
            for token in [customer, staff] {
                let refused = try await file(it, token, type: "hr_request")
                #expect(refused.status == .unprocessableContent)
                #expect(refused.errorField == "type")
            }
            #expect(try await file(it, customer, type: "support").status == .created)
            // The HR office has it, for its employees, not its agents or customers.
            let employee = try await hr.staffSession("nv0001")
            let agent = try await hr.staffSession("dl001")
            let filed = try await file(hr, employee, type: nil)
            #expect(filed.status == .created)
            #expect((filed.json["code"] as? String)?.hasPrefix("NS-") == true)
            #expect(try await file(hr, agent, type: "hr_request").status == .unprocessableContent)
            #expect(try await file(hr, officeCustomer, type: "hr_request").status == .unprocessableContent)
            // Complaints and feedback are every tenant's, for everyone.
            #expect(try await file(hr, officeCustomer, type: "complaint").status == .created)
            let listed = try await it.call(.get, "/workflows", token: customer)
            let types = (listed.json["workflows"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            #expect(Set(types) == ["support", "complaint", "feedback"])
        }
    }

    @Test("a module removed keeps its tickets, but its type is no longer offered or filed")
    func removedModule() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "it,hr")
        try await PortalFixtures.portalUser(tenant, "nv0002", kind: "employee")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let employee = try await api.staffSession("nv0002")
            var request = APIClient.request()
            request["type"] = "hr_request"
            let before = try await api.call(.post, "/tickets", token: employee, json: request)
            #expect(before.status == .created)
            try await TestDatabase.asAdmin { admin in
                _ = try await TenantCatalog(database: admin).update(
                    tenant.slug,
                    TenantEdit(modules: "it"),
                    actor: "tests",
                    logger: TestDatabase.logger
                )
            }
            #expect(try await APIClient.eventually(.unprocessableContent) { try await api.call(.post, "/tickets", token: employee, json: request) })
            let code = before.json["code"] as? String ?? ""
            #expect(try await api.call(.get, "/tickets/\(code)", token: employee).status == .ok)
        }
    }
}
