import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore

@Suite("Creating, suspending and deleting tenants")
struct TenantProvisioningTests {
    let logger = TestDatabase.logger

    @Test("a new tenant gets its schema at the latest version, its role, and an audit entry")
    func createTenant() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin, name: "Trung tâm Sửa chữa Ô tô Minh Long")
            let latest = try MigrationSet.embedded().tenant.last!.version
            #expect(tenant.schemaVersion == latest)
            #expect(tenant.status == .active)
            #expect(tenant.displayName == "Trung tâm Sửa chữa Ô tô Minh Long")
            let (owner, applied, actions) = try await admin.withTenant(tenant.scope, logger: logger) { connection in
                (
                    try await connection.value(
                        "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = current_schema()",
                        as: String.self,
                        logger: logger
                    ),
                    try await connection.appliedMigrations(logger: logger).map(\.version).last,
                    try await connection.rows("SELECT action FROM audit_events", as: String.self, logger: logger)
                )
            }
            #expect(owner == tenant.slug.schemaName.name)
            #expect(applied == latest)
            #expect(actions == ["tenant.created"])
        }
    }

    @Test("tenant roles reach the shared tables through one group: no ACL of a shared object grows with the tenants")
    func sharedObjectsGrantedOnce() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenants = [try await TestDatabase.createTenant(admin), try await TestDatabase.createTenant(admin)]
            // Rows of pg_class and pg_namespace cannot outgrow a page: one ACL entry per tenant
            // stopped tenant creation at 1,814 (platform 0005).
            let entries = try await admin.withConnection(logger: logger) { connection in
                try await connection.rows(
                    """
                    SELECT grantee::regrole::text FROM (
                        SELECT (aclexplode(relacl)).grantee FROM pg_class WHERE oid IN ('platform.outbox'::regclass, 'platform.sla_timers'::regclass)
                        UNION ALL
                        SELECT (aclexplode(nspacl)).grantee FROM pg_namespace WHERE nspname = 'platform') AS granted
                    """,
                    as: String.self,
                    logger: logger
                )
            }
            #expect(entries.contains("portal_tenants"))
            #expect(!entries.contains { $0.hasPrefix("t_") })
            for tenant in tenants {
                // Still allowed through the group, and still only its own rows.
                let (own, others) = try await admin.withTenant(tenant.scope, logger: logger) { connection in
                    try await connection.query(
                        """
                        INSERT INTO platform.outbox (event, sender_name, recipient, subject, text_body, html_body)
                        VALUES ('test', 'x', 'a@example.vn', 's', 't', 'h')
                        """,
                        logger: logger
                    )
                    return (
                        try await connection.value("SELECT count(*) FROM platform.outbox", as: Int.self, logger: logger),
                        try await connection.value(
                            "SELECT count(*) FROM platform.outbox WHERE tenant_role <> current_user",
                            as: Int.self,
                            logger: logger
                        )
                    )
                }
                #expect(own == 1 && others == 0)
            }
        }
    }

    @Test("a new tenant gets every function file, recorded; ticket_record's columns are the ones TicketStore decodes, in order")
    func functionFilesAndRecordColumns() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let (recorded, columns) = try await admin.withTenant(tenant.scope, logger: logger) { connection in
                (
                    try await connection.appliedFunctions(logger: logger),
                    try await connection.rows(
                        """
                        SELECT name::text FROM pg_proc p,
                            unnest(p.proargnames, p.proargmodes) WITH ORDINALITY AS a(name, mode, position)
                        WHERE p.oid = 'ticket_record'::regproc AND a.mode = 't' ORDER BY a.position
                        """,
                        as: String.self,
                        logger: logger
                    )
                )
            }
            let files = try MigrationSet.embedded().tenantFunctions
            #expect(recorded == Dictionary(uniqueKeysWithValues: files.map { ($0.fileName, $0.checksum) }))
            #expect(files.map(\.fileName).contains("ticket_record.sql"))
            #expect(columns == TicketStore.recordColumns)
        }
    }

    @Test("a new tenant's functions on every request's path keep one generic plan per connection (0016)")
    func requestPathFunctionsPlanOnce() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            // A later CREATE OR REPLACE of one of these drops the setting unless it says it again.
            let generic = try await admin.withTenant(tenant.scope, logger: logger) { connection in
                try await connection.rows(
                    """
                    SELECT proname::text FROM pg_proc
                    WHERE pronamespace = current_schema()::regnamespace AND 'plan_cache_mode=force_generic_plan' = ANY(proconfig)
                    ORDER BY proname
                    """,
                    as: String.self,
                    logger: logger
                )
            }
            #expect(generic == ["file_ticket", "notify_ticket_event", "save_clocks", "ticket_record"])
        }
    }

    @Test("a duplicate slug is a clear error and changes nothing")
    func duplicateSlug() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let provisioner = try TestDatabase.provisioner(admin)
            await #expect(throws: TenantError.alreadyExists(tenant.slug)) {
                try await provisioner.create(try NewTenant(slug: tenant.slug.value, displayName: "Khác"), actor: "tests", logger: logger)
            }
            let kept = try await TenantCatalog(database: admin).find(tenant.slug, logger: logger)
            #expect(kept?.displayName == tenant.displayName)
        }
    }

    @Test("racing creations of one slug: exactly one wins, the others are told it exists")
    func racingCreation() async throws {
        let new = try NewTenant(slug: TestDatabase.uniqueSlug(), displayName: "Đua")
        let logger = self.logger
        try await TestDatabase.asAdmin { admin in
            let provisioner = try TestDatabase.provisioner(admin)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        do {
                            _ = try await provisioner.create(new, actor: "tests", logger: logger)
                            return true
                        } catch TenantError.alreadyExists {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(outcomes.count == 4)
        }
    }

    @Test("suspend and resume change the status and are written to the tenant's audit log")
    func suspendAndResume() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let catalog = TenantCatalog(database: admin)
            #expect(try await catalog.setStatus(.suspended, of: tenant.slug, actor: "ops", logger: logger).status == .suspended)
            #expect(try await catalog.find(tenant.slug, logger: logger)?.status == .suspended)
            #expect(try await catalog.setStatus(.active, of: tenant.slug, actor: "ops", logger: logger).status == .active)
            let actions = try await admin.withTenant(tenant.scope, logger: logger) { connection in
                try await connection.rows("SELECT action FROM audit_events ORDER BY id", as: String.self, logger: logger)
            }
            #expect(actions == ["tenant.created", "tenant.suspended", "tenant.resumed"])
            await #expect(throws: TenantError.notFound("no-such-tenant")) {
                try await catalog.setStatus(.suspended, of: try TenantSlug("no-such-tenant"), actor: "ops", logger: logger)
            }
        }
    }

    @Test("delete refuses an active tenant and a wrong confirmation, then removes schema, role and row")
    func deleteTenant() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let provisioner = try TestDatabase.provisioner(admin)
            await #expect(throws: TenantError.stillActive(tenant.slug)) {
                try await provisioner.delete(tenant.slug, confirmation: tenant.slug.value, logger: logger)
            }
            _ = try await TenantCatalog(database: admin).setStatus(.suspended, of: tenant.slug, actor: "ops", logger: logger)
            await #expect(throws: TenantError.confirmationMismatch(tenant.slug)) {
                try await provisioner.delete(tenant.slug, confirmation: "other", logger: logger)
            }
            #expect(try await TenantCatalog(database: admin).find(tenant.slug, logger: logger) != nil)
            try await provisioner.delete(tenant.slug, confirmation: tenant.slug.value, logger: logger)
            #expect(try await TenantCatalog(database: admin).find(tenant.slug, logger: logger) == nil)
            let leftovers = try await admin.withConnection(logger: logger) { connection in
                try await connection.value(
                    """
                    SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = \(tenant.slug.schemaName.name))
                         + (SELECT count(*) FROM pg_roles WHERE rolname = \(tenant.slug.schemaName.name))
                    """,
                    as: Int.self,
                    logger: logger
                )
            }
            #expect(leftovers == 0)
        }
    }
}
