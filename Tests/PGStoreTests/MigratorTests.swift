import Foundation
import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore

/// Serialized: only one migrator may hold the migration lock at a time, by design.
@Suite("Migrating the platform and tenant schemas", .serialized)
struct MigratorTests {
    let logger = TestDatabase.logger

    /// The embedded migrations plus (or with replaced) `files`, as a later release would ship them.
    func migrations(with files: [String: String]) throws -> MigrationSet {
        try MigrationSet(files: EmbeddedFiles.all.merging(files) { $1 })
    }

    /// The version after the last one this binary ships, as the next release would add it.
    static let latest = try! MigrationSet.embedded().tenant.last!.version
    static let nextFile = String(format: "%04d_actor_check.sql", latest + 1)
    let addActorCheck = ["tenant/" + nextFile: "ALTER TABLE audit_events ADD CONSTRAINT actor_known CHECK (actor <> 'vandal');"]

    func migrate(_ admin: Database, _ set: MigrationSet, _ tenants: [Tenant], dryRun: Bool = false) async throws -> MigrationReport {
        try await Migrator(database: admin, migrations: set)
            .migrate(.init(concurrency: 2, dryRun: dryRun, tenants: tenants.map(\.slug)), logger: logger)
    }

    func ledgerVersion(_ admin: Database, _ tenant: Tenant) async throws -> Int? {
        try await admin.withTenant(tenant.scope, logger: logger) { connection in
            try await connection.appliedMigrations(logger: logger).last?.version
        }
    }

    @Test("a function file is applied again when its text changes, alone and in its current state; then migrating is a no-op")
    func functionFilesRepeat() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let folded = "SELECT fold_text('Nguyễn Văn ĐỨC')"
            let before = try await admin.withTenant(tenant.scope, logger: logger) {
                try await $0.value(PostgresQuery(unsafeSQL: folded), as: String.self, logger: logger)
            }
            #expect(before == "nguyen van duc")
            // The next release changes the function in place; the versioned migrations stay as they are.
            let changed = try migrations(with: [
                "tenant/functions/fold_text.sql":
                    "CREATE OR REPLACE FUNCTION fold_text(p_text text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(p_text) $$;"
            ])
            let dry = try await migrate(admin, changed, [tenant], dryRun: true)
            #expect(dry.tenants.map(\.outcome) == [.wouldApply(from: Self.latest, files: ["functions/fold_text.sql"])])
            let first = try await migrate(admin, changed, [tenant])
            #expect(first.tenants.map(\.outcome) == [.migrated(from: Self.latest, to: Self.latest, files: ["functions/fold_text.sql"])])
            let after = try await admin.withTenant(tenant.scope, logger: logger) {
                try await $0.value(PostgresQuery(unsafeSQL: folded), as: String.self, logger: logger)
            }
            #expect(after == "NGUYỄN VĂN ĐỨC")
            let second = try await migrate(admin, changed, [tenant])
            #expect(second.tenants.map(\.outcome) == [.upToDate(version: Self.latest)])
            // Back to this binary's text: applied again.
            let back = try await migrate(admin, try MigrationSet.embedded(), [tenant])
            #expect(back.tenants.map(\.outcome) == [.migrated(from: Self.latest, to: Self.latest, files: ["functions/fold_text.sql"])])
        }
    }

    @Test("a new migration is applied once; migrating again is a no-op")
    func migrateTwice() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let set = try migrations(with: addActorCheck)
            let first = try await migrate(admin, set, [tenant])
            #expect(first.platform == .upToDate(version: set.platform.last!.version))
            #expect(first.tenants.map(\.outcome) == [.migrated(from: Self.latest, to: Self.latest + 1, files: [Self.nextFile])])
            let second = try await migrate(admin, set, [tenant])
            #expect(second.tenants.map(\.outcome) == [.upToDate(version: Self.latest + 1)])
            #expect(try await TenantCatalog(database: admin).find(tenant.slug, logger: logger)?.schemaVersion == Self.latest + 1)
        }
    }

    @Test("0020 and 0021 fill rows already there: files of internal notes become internal, contacts get the owner that filed with them")
    func reviewFixFills() async throws {
        try await TestDatabase.asAdmin { admin in
            let before = try MigrationSet(files: EmbeddedFiles.all.filter { !($0.key.hasPrefix("tenant/") && $0.key >= "tenant/0020") })
            let tenant = try await TestDatabase.createTenant(admin, migrations: before)
            // Each step its own transaction: a note and its files share their transaction's now().
            func step(_ statements: String...) async throws {
                try await admin.withTenant(tenant.scope, logger: logger) { connection in
                    for statement in statements { try await connection.run(sql: statement, logger: logger) }
                }
            }
            try await step(
                "INSERT INTO workflows (ticket_type, code_prefix, name_vi, name_en) VALUES ('support', 'HT', 'Hỗ trợ', 'Support')",
                "INSERT INTO workflow_stages (ticket_type, stage, position, name_vi, name_en) VALUES ('support', 'received', 1, 'Đã nhận', 'Received')",
                "INSERT INTO customers (name) VALUES ('Công ty A')",
                """
                INSERT INTO contacts (customer_id, name, email, phone) VALUES
                    ((SELECT id FROM customers), 'Lan', 'lan@a.vn', '0911111111'), (NULL, 'Đại lý', 'dl@b.vn', '0922222222'),
                    (NULL, 'Khách lẻ', 'le@c.vn', '0933333333')
                """,
                """
                INSERT INTO tickets (code, ticket_type, title, content, priority, customer_id, contact_id, filed_by, stage)
                SELECT 'HT-00000' || c.id, 'support', 'T', 'N', 'normal', c.customer_id, c.id,
                       CASE c.email WHEN 'lan@a.vn' THEN 'customer:' || c.customer_id WHEN 'dl@b.vn' THEN 'portal_user:5' ELSE 'staff:9' END,
                       'received'
                FROM contacts c
                """
            )
            let ticket = "(SELECT id FROM tickets WHERE customer_id IS NOT NULL)"
            func file(_ name: String, by uploader: String) -> String {
                "INSERT INTO attachments (ticket_id, file_name, content_type, size, data, uploaded_by) VALUES (\(ticket), '\(name)', 'image/png', 1, '\\x00', '\(uploader)')"
            }
            func note(public isPublic: Bool) -> String {
                "INSERT INTO ticket_events (ticket_id, actor_kind, actor_id, actor_name, kind, body, public) VALUES (\(ticket), 'staff', 9, 'Hoa', 'note', 'n', \(isPublic))"
            }
            try await step(note(public: false), file("noi-bo.png", by: "staff:9"))
            try await step(note(public: true), file("cho-khach.png", by: "staff:9"))
            try await step(file("cua-khach.png", by: "customer:1"))

            let report = try await migrate(admin, try MigrationSet.embedded(), [tenant])
            guard case .migrated(from: 19, to: Self.latest, _)? = report.tenants.first?.outcome else {
                Issue.record("not migrated from 19: \(String(describing: report.tenants.first?.outcome))")
                return
            }
            try await admin.withTenant(tenant.scope, logger: logger) { connection in
                let files = try await connection.rows(
                    "SELECT file_name, public FROM attachments ORDER BY id",
                    as: (String, Bool).self,
                    logger: logger
                )
                #expect(files.map(\.0) == ["noi-bo.png", "cho-khach.png", "cua-khach.png"])
                #expect(files.map(\.1) == [false, true, true])
                let owners = try await connection.rows("SELECT email, owner FROM contacts ORDER BY id", as: (String, String).self, logger: logger)
                let customer = try await connection.value("SELECT id FROM customers", as: Int.self, logger: logger)
                #expect(owners.map(\.1) == ["customer:\(try #require(customer))", "portal_user:5", "staff"])
            }
        }
    }

    @Test("a failing tenant stays at its version while the others advance, and the run reports it")
    func failingTenantRollsBack() async throws {
        try await TestDatabase.asAdmin { admin in
            let broken = try await TestDatabase.createTenant(admin)
            let healthy = try await TestDatabase.createTenant(admin)
            try await admin.withTenant(broken.scope, logger: logger) { connection in
                try await connection.query("INSERT INTO audit_events (actor, action) VALUES ('vandal', 'x')", logger: logger)
            }
            let report = try await migrate(admin, try migrations(with: addActorCheck), [broken, healthy])
            let outcomes = Dictionary(uniqueKeysWithValues: report.tenants.map { ($0.slug, $0.outcome) })
            guard case .failed(let version, let reason) = outcomes[broken.slug] else {
                Issue.record("expected \(broken.slug) to fail, got \(String(describing: outcomes[broken.slug]))")
                return
            }
            #expect(version == Self.latest)
            #expect(reason.contains(Self.nextFile) && reason.contains("actor_known"))
            #expect(outcomes[healthy.slug] == .migrated(from: Self.latest, to: Self.latest + 1, files: [Self.nextFile]))
            #expect(report.failures.map(\.slug) == [broken.slug])
            #expect(try await ledgerVersion(admin, broken) == Self.latest)
            #expect(try await ledgerVersion(admin, healthy) == Self.latest + 1)
            let catalog = TenantCatalog(database: admin)
            #expect(try await catalog.find(broken.slug, logger: logger)?.schemaVersion == Self.latest)
            #expect(try await catalog.find(healthy.slug, logger: logger)?.schemaVersion == Self.latest + 1)
        }
    }

    @Test("a statement that fails while its rows are produced is reported as the failing one, and its tenant stays at its version")
    func failingQueryIsNamed() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let checks = ["tenant/" + Self.nextFile: "SELECT 1 / (count(*) - count(*)) FROM audit_events;\nCREATE TABLE after_the_check (id int);"]
            let report = try await migrate(admin, try migrations(with: checks), [tenant])
            guard case .failed(_, let reason) = report.tenants.first?.outcome else {
                Issue.record("expected \(tenant.slug) to fail, got \(String(describing: report.tenants.first?.outcome))")
                return
            }
            #expect(reason.contains("count(*) - count(*)") && reason.contains("division by zero"))
            #expect(try await ledgerVersion(admin, tenant) == Self.latest)
        }
    }

    @Test("a migration changed after it was applied is refused")
    func changedMigrationRefused() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let edited = EmbeddedFiles.all["tenant/0001_audit_events.sql"]! + "\n-- edited later\n"
            let report = try await migrate(admin, try migrations(with: ["tenant/0001_audit_events.sql": edited]), [tenant])
            #expect(
                report.tenants.map(\.outcome) == [
                    .failed(version: Self.latest, reason: MigrationError.changedAfterApplied("0001_audit_events.sql").description)
                ]
            )
        }
    }

    @Test("a dry run reports what would be applied and changes nothing")
    func dryRun() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let report = try await migrate(admin, try migrations(with: addActorCheck), [tenant], dryRun: true)
            #expect(report.tenants.map(\.outcome) == [.wouldApply(from: Self.latest, files: [Self.nextFile])])
            #expect(try await ledgerVersion(admin, tenant) == Self.latest)
        }
    }

    @Test("the seed runs after each tenant's migrations, in its scope, and not in a dry run")
    func seedHook() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let logger = self.logger
            let seed: @Sendable (Tenant, PostgresConnection) async throws -> Void = { seeded, connection in
                try await AuditLog.record(actor: "seed", action: "seeded \(seeded.slug)", on: connection, logger: logger)
            }
            for dryRun in [true, false] {
                _ = try await Migrator(database: admin, migrations: try .embedded())
                    .migrate(.init(dryRun: dryRun, tenants: [tenant.slug], seed: seed), logger: logger)
            }
            let actions = try await admin.withTenant(tenant.scope, logger: logger) { connection in
                try await connection.rows("SELECT action FROM audit_events WHERE actor = 'seed'", as: String.self, logger: logger)
            }
            #expect(actions == ["seeded \(tenant.slug)"])
        }
    }

    @Test("a second migrator is refused while one runs")
    func secondMigratorRefused() async throws {
        try await TestDatabase.asAdmin { admin in
            try await admin.withConnection(logger: logger) { holder in
                try await holder.query("SELECT pg_advisory_lock(\(SchemaLocks.migrator))", logger: logger)
                await #expect(throws: MigrationError.alreadyRunning) {
                    try await migrate(admin, try .embedded(), [])
                }
                try await holder.query("SELECT pg_advisory_unlock_all()", logger: logger)
            }
        }
    }

    @Test("migrate creates a missing service login as NOINHERIT and grants it every tenant role and schema")
    func createsServiceLogin() async throws {
        let name = TestDatabase.uniqueSlug(prefix: "svc_")
        let url = try DatabaseURL("postgres://\(name):pw-\(name)@127.0.0.1/portal", setting: "DATABASE_URL")
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            let report = try await Migrator(database: admin, migrations: try .embedded())
                .migrate(.init(serviceLogin: try ServiceLogin(url: url), tenants: []), logger: logger)
            #expect(report.serviceLogin == .created)
            let (inherit, login, member, usage, tables) = try await admin.withConnection(logger: logger) { connection in
                try await connection.rows(
                    """
                    SELECT rolinherit, rolcanlogin, pg_has_role(rolname, \(tenant.slug.schemaName.name), 'MEMBER'),
                           has_schema_privilege(rolname, \(tenant.slug.schemaName.name), 'USAGE'),
                           (SELECT count(*) FROM pg_tables t WHERE t.schemaname = \(tenant.slug.schemaName.name)
                                AND has_table_privilege(rolname, format('%I.%I', t.schemaname, t.tablename), 'SELECT, INSERT, UPDATE, DELETE'))
                    FROM pg_roles WHERE rolname = \(name)
                    """,
                    as: (Bool, Bool, Bool, Bool, Int).self,
                    logger: logger
                )[0]
            }
            #expect(!inherit && login && member)
            // USAGE on the schema lets it name the tenant's functions; it holds no right on any table.
            #expect(usage && tables == 0)
        }
    }

    @Test("migrate refuses a service login with unsafe attributes, naming them")
    func refusesUnsafeServiceLogin() async throws {
        let name = TestDatabase.uniqueSlug(prefix: "unsafe_")
        let url = try DatabaseURL("postgres://\(name)@127.0.0.1/portal", setting: "DATABASE_URL")
        try await TestDatabase.asAdmin { admin in
            try await admin.withConnection(logger: logger) { connection in
                try await connection.run(sql: "CREATE ROLE \(name) LOGIN INHERIT CREATEDB", logger: logger)
            }
            await #expect(throws: ServiceLoginError.unsafe(login: name, attributes: ["INHERIT", "CREATEDB"])) {
                try await Migrator(database: admin, migrations: try .embedded())
                    .migrate(.init(serviceLogin: try ServiceLogin(url: url), tenants: []), logger: logger)
            }
        }
    }
}
