import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore

/// Tenant isolation is enforced by PostgreSQL itself, not by the code remembering to filter.
@Suite("Tenant isolation")
struct IsolationTests {
    @Test("code scoped to tenant A gets permission denied reading tenant B's table by qualified name")
    func crossTenantReadDenied() async throws {
        let (a, b) = try await TestDatabase.asAdmin { admin in
            (try await TestDatabase.createTenant(admin), try await TestDatabase.createTenant(admin))
        }
        try await TestDatabase.asService { service in
            let own = try await service.withTenant(a.scope, logger: TestDatabase.logger) { connection in
                try await connection.value("SELECT count(*) FROM audit_events", as: Int.self, logger: TestDatabase.logger)
            }
            #expect(own == 1)
            await #expect {
                try await service.withTenant(a.scope, logger: TestDatabase.logger) { connection in
                    try await connection.run(sql: "SELECT count(*) FROM \(b.slug.schemaName.quoted).audit_events", logger: TestDatabase.logger)
                }
            } throws: { $0.sqlState == "42501" }
            // Nor through B's functions: the ticket reader runs with the caller's rights, and cannot be reached.
            await #expect {
                try await service.withTenant(a.scope, logger: TestDatabase.logger) { connection in
                    try await connection.run(
                        sql: "SELECT * FROM \(b.slug.schemaName.quoted).ticket_record('HT-000001', false)",
                        logger: TestDatabase.logger
                    )
                }
            } throws: { $0.sqlState == "42501" }
        }
    }

    @Test("the service login without a tenant scope reads no tenant table, only the catalog")
    func unscopedServiceLoginReadsNothing() async throws {
        let tenant = try await TestDatabase.asAdmin { try await TestDatabase.createTenant($0) }
        try await TestDatabase.asService { service in
            await #expect {
                try await service.withTransaction(logger: TestDatabase.logger) { connection in
                    try await connection.run(sql: "SELECT * FROM \(tenant.slug.schemaName.quoted).audit_events", logger: TestDatabase.logger)
                }
            } throws: { $0.sqlState == "42501" }
            // A forgotten scope does not fall through to some default schema either.
            await #expect {
                try await service.withTransaction(logger: TestDatabase.logger) { connection in
                    try await connection.run(sql: "SELECT * FROM audit_events", logger: TestDatabase.logger)
                }
            } throws: { $0.sqlState == "42P01" }
            let found = try await TenantCatalog(database: service).find(tenant.slug, logger: TestDatabase.logger)
            #expect(found?.displayName == tenant.displayName)
        }
    }

    @Test("the service login cannot change the tenant catalog")
    func serviceLoginCannotWriteCatalog() async throws {
        let tenant = try await TestDatabase.asAdmin { try await TestDatabase.createTenant($0) }
        try await TestDatabase.asService { service in
            await #expect {
                try await TenantCatalog(database: service).setStatus(.suspended, of: tenant.slug, actor: "x", logger: TestDatabase.logger)
            } throws: { $0.sqlState == "42501" }
        }
    }

    @Test("the audit log is append-only for the tenant role")
    func auditLogAppendOnly() async throws {
        let tenant = try await TestDatabase.asAdmin { try await TestDatabase.createTenant($0) }
        try await TestDatabase.asService { service in
            for statement in ["UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events", "TRUNCATE audit_events"] {
                await #expect {
                    try await service.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                        try await connection.run(sql: statement, logger: TestDatabase.logger)
                    }
                } throws: { $0.sqlState == "42501" }
            }
        }
    }

    @Test("a scope does not outlive its transaction on a pooled connection")
    func scopeEndsWithTransaction() async throws {
        let tenant = try await TestDatabase.asAdmin { try await TestDatabase.createTenant($0) }
        let database = Database(url: try TestDatabase.serviceURL(), maxConnections: 1, logger: TestDatabase.logger)
        try await database.whileRunning {
            try await database.withTenant(tenant.scope, logger: TestDatabase.logger) { _ in }
            let role = try await database.withConnection(logger: TestDatabase.logger) { connection in
                try await connection.value("SELECT current_user::text", as: String.self, logger: TestDatabase.logger)
            }
            #expect(role == (try TestDatabase.serviceLogin().name.name))
        }
    }

    @Test("a read is one read-only transaction in its tenant's scope; nothing of the scope is left on the session")
    func readScopeEndsWithTheRead() async throws {
        let (a, b) = try await TestDatabase.asAdmin { admin in
            (try await TestDatabase.createTenant(admin), try await TestDatabase.createTenant(admin))
        }
        let logger = TestDatabase.logger
        let whoAmI = PostgresQuery(unsafeSQL: "SELECT current_user::text || ' ' || current_setting('search_path')")
        // One connection, so every lease below reuses the server session the previous one had.
        let database = Database(url: try TestDatabase.serviceURL(), maxConnections: 1, logger: logger)
        try await database.whileRunning {
            let before = try await database.withConnection(logger: logger) { try await $0.value(whoAmI, as: String.self, logger: logger) }
            let (inRead, readOnly) = try await database.reading(a.scope, logger: logger) { connection in
                (
                    try await connection.value(whoAmI, as: String.self, logger: logger),
                    try await connection.value("SELECT current_setting('transaction_read_only')", as: String.self, logger: logger)
                )
            }
            #expect(inRead == "\(a.scope.role.name) \(a.scope.schema.quoted)")
            // A transaction: behind a pooler, the scope ends with it (a session-wide scope served the
            // next tenant's statements on that server session).
            #expect(readOnly == "on")
            await #expect {
                try await database.reading(a.scope, logger: logger) { try await $0.run(sql: "DELETE FROM audit_events", logger: logger) }
            } throws: { $0.sqlState == "25006" }
            // A statement that fails inside a read leaves no transaction open.
            await #expect {
                try await database.reading(a.scope, logger: logger) { try await $0.run(sql: "SELECT 1/0", logger: logger) }
            } throws: { $0.sqlState == "22012" }
            let other = try await database.reading(b.scope, logger: logger) { connection in
                try await connection.value("SELECT count(*) FROM audit_events", as: Int.self, logger: logger)
            }
            #expect(other == 1)
            // Statements of the bare login on that session: the login's own role and path, no tenant table.
            let after = try await database.withConnection(logger: logger) { try await $0.value(whoAmI, as: String.self, logger: logger) }
            #expect(after == before)
            #expect(after?.contains(a.scope.schema.name) == false && after?.contains(b.scope.schema.name) == false)
            await #expect {
                try await database.withConnection(logger: logger) { connection in
                    try await connection.run(sql: "SELECT * FROM audit_events", logger: logger)
                }
            } throws: { $0.sqlState == "42P01" }
        }
    }

    @Test("a lookup that enters its tenant's scope in its own statement reads that tenant only and leaves the login unscoped")
    func lookupEntersItsOwnScope() async throws {
        let (a, b) = try await TestDatabase.asAdmin { admin in
            (try await TestDatabase.createTenant(admin), try await TestDatabase.createTenant(admin))
        }
        let logger = TestDatabase.logger
        let store = TicketStore()
        // One connection, so each lease below sees what the one before left on it.
        let database = Database(url: try TestDatabase.serviceURL(), maxConnections: 1, logger: logger)
        try await database.whileRunning {
            // Both tenants file their first ticket: the same code in each, told apart by the title.
            var codes: [String] = []
            for tenant in [a, b] {
                codes.append(
                    try await database.withTenant(tenant.scope, logger: logger) { connection in
                        // Workflows come with the tenant's modules, above this layer: one of its own here.
                        try await connection.run(sql: "INSERT INTO workflows VALUES ('support', 'HT', 'Hỗ trợ', 'Support')", logger: logger)
                        try await connection.run(
                            sql:
                                "INSERT INTO workflow_stages (ticket_type, stage, position, name_vi, name_en) VALUES ('support', 'new', 1, 'Mới', 'New')",
                            logger: logger
                        )
                        let filer = Principal.portalUser(PortalUser(id: 1, username: "an", displayName: "Nguyễn Văn An", kind: "employee"))
                        let filing = TicketStore.Filing(
                            ticketType: "support",
                            codePrefix: "HT",
                            firstStage: "new",
                            title: "Yêu cầu của \(tenant.slug.value)",
                            content: "Nội dung",
                            priority: "normal",
                            customerID: nil,
                            contact: ("Nguyễn Văn An", "an@example.vn", "+84901234567"),
                            filedBy: filer,
                            idempotencyKey: nil,
                            matchText: "",
                            files: []
                        )
                        return try await store.file(filing, on: connection, logger: logger).record.ticket.code
                    }
                )
            }
            #expect(codes[0] == codes[1])
            let whoAmI = PostgresQuery(unsafeSQL: "SELECT current_user::text || ' ' || current_setting('search_path')")
            let before = try await database.withConnection(logger: logger) { try await $0.value(whoAmI, as: String.self, logger: logger) }
            for tenant in [a, b] {
                let record = try await database.withConnection(logger: logger) { connection in
                    try await store.record(code: codes[0], publicOnly: true, enteringScope: tenant.scope, on: connection, logger: logger)
                }
                #expect(record?.ticket.title == "Yêu cầu của \(tenant.slug.value)")
                let after = try await database.withConnection(logger: logger) { try await $0.value(whoAmI, as: String.self, logger: logger) }
                #expect(after == before)
            }
            // The same function called without entering the scope runs as the login on its own search
            // path, where no tenant table is found: the reads above could only have run inside the scope.
            await #expect {
                try await database.withConnection(logger: logger) { connection in
                    try await connection.rows(
                        "SELECT code FROM \(unescaped: a.slug.schemaName.quoted).ticket_record(\(codes[0]), true)",
                        as: String.self,
                        logger: logger
                    )
                }
            } throws: { $0.sqlState == "42P01" }
        }
    }

    @Test("the service refuses to run as a login that could bypass isolation")
    func unsafeLoginRefused() async throws {
        try await TestDatabase.asAdmin { admin in
            await #expect {
                try await ServiceLogin.requireIsolated(admin, logger: TestDatabase.logger)
            } throws: { error in
                guard case .unsafe(_, let attributes) = error as? ServiceLoginError else { return false }
                return attributes.contains("SUPERUSER")
            }
        }
        try await TestDatabase.asService { service in
            try await ServiceLogin.requireIsolated(service, logger: TestDatabase.logger)
        }
    }
}
