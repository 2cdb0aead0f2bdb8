import PGStore
import PortalTestSupport
import PostgresNIO
import Testing
@testable import TenantPortal

@Suite("Default workflows for a tenant's modules")
struct TenantOnboardingTests {
    func ticketTypes(_ admin: Database, _ tenant: Tenant) async throws -> [String] {
        try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
            try await WorkflowStore().ticketTypes(on: connection, logger: TestDatabase.logger).sorted()
        }
    }

    @Test("a new tenant gets its modules' workflows plus complaints and feedback")
    func onCreation() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "repair,care")
        let types = try await TestDatabase.asAdmin { admin in try await ticketTypes(admin, tenant) }
        #expect(types == ["complaint", "feedback", "repair_order"])
    }

    @Test("a tenant made before the workflows existed gets the missing ones, once")
    func topUp() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            #expect(try await ticketTypes(admin, tenant).isEmpty)
            for _ in 0..<2 {
                try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await TenantOnboarding.installMissingWorkflows(modules: tenant.modules, on: connection, logger: TestDatabase.logger)
                }
            }
            #expect(try await ticketTypes(admin, tenant) == ["complaint", "feedback", "support"])
        }
    }
}
