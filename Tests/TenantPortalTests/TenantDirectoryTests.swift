import PGStore
import PortalTestSupport
import PostgresNIO
import Testing
@testable import TenantPortal

/// The catalog rows kept in memory: kept until forgotten, whatever the catalog says meanwhile.
@Suite("Tenant directory")
struct TenantDirectoryTests {
    @Test("a found tenant is kept until its schema is forgotten; forgetting another tenant or everything drops what it should")
    func keptUntilForgotten() async throws {
        let tenant = try await makeTenant(name: "Gara Ô tô Minh Khang")
        let other = try await makeTenant()
        let logger = TestDatabase.logger
        try await TestDatabase.asAdmin { admin in
            // Nothing listens here, so only forget(schema:) tells the directory of a change.
            let directory = TenantDirectory(catalog: TenantCatalog(database: admin))
            func name() async throws -> String? { try await directory.tenant(tenant.slug, logger: logger)?.displayName }
            func rename(_ name: String) async throws {
                try await admin.withConnection(logger: logger) { connection in
                    try await connection.query("UPDATE platform.tenants SET display_name = \(name) WHERE slug = \(tenant.slug.value)", logger: logger)
                }
            }
            #expect(try await name() == "Gara Ô tô Minh Khang")
            try await rename("Gara Minh Khang")
            #expect(try await name() == "Gara Ô tô Minh Khang")
            directory.forget(schema: other.scope.schema.name)
            #expect(try await name() == "Gara Ô tô Minh Khang")
            directory.forget(schema: tenant.scope.schema.name)
            #expect(try await name() == "Gara Minh Khang")
            try await rename("Gara Minh Khang 2")
            directory.forgetAll()
            #expect(try await name() == "Gara Minh Khang 2")
            #expect(try await directory.tenant(TenantSlug("khong-co"), logger: logger) == nil)
        }
    }
}
