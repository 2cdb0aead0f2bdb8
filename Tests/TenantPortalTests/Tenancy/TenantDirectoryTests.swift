import PGStore
import PortalTestSupport
import PostgresNIO
import Synchronization
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

/// What the catalog's trigger announces (platform `0004_catalog_changes`), heard as an instance hears it.
@Suite("Catalog changes")
struct CatalogChangeTests {
    final class Count: Sendable {
        private let value = Mutex(0)
        func add() { value.withLock { $0 += 1 } }
        var now: Int { value.withLock { $0 } }
    }

    @Test("a change requests use is announced with the tenant's schema; a migration's new schema version is not")
    func announced() async throws {
        let tenant = try await makeTenant()
        let schema = tenant.scope.schema.name
        let logger = TestDatabase.logger
        // Other tests change their own tenants meanwhile: only this tenant's announcements count.
        let heard = Count()
        try await TestDatabase.asAdmin { admin in
            let (ready, listening) = AsyncStream.makeStream(of: Void.self)
            let listener = Task {
                try await admin.listen(for: .access, logger: logger, listening: { listening.yield() }) { announced in
                    if announced == schema { heard.add() }
                }
            }
            for await _ in ready { break }
            func change(_ assignment: String) async throws {
                try await admin.withConnection(logger: logger) { connection in
                    try await connection.query(
                        "UPDATE platform.tenants SET \(unescaped: assignment) WHERE slug = \(tenant.slug.value)",
                        logger: logger
                    )
                }
            }
            try await change("schema_version = schema_version")  // what `migrate` sets, here to the same value
            try await Task.sleep(for: .milliseconds(300))  // an announcement arrives within milliseconds of its commit
            #expect(heard.now == 0)
            try await change("display_name = display_name || ' (mới)'")
            for _ in 0..<100 where heard.now == 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(heard.now == 1)
            listener.cancel()
            _ = await listener.result
        }
    }
}
