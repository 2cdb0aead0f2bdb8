import Testing

@testable import PGStore

@Suite("Migration files and plans")
struct MigrationPlanTests {
    let first = try! Migration(scope: .tenant, fileName: "0001_first.sql", sql: "CREATE TABLE a (id int);")
    let second = try! Migration(scope: .tenant, fileName: "0002_second.sql", sql: "ALTER TABLE a ADD b int;")

    @Test("the migrations compiled into the binary load, in order, for both scopes")
    func embeddedLoad() throws {
        let set = try MigrationSet.embedded()
        #expect(set.platform.first?.fileName == "0001_tenant_catalog.sql")
        #expect(set.tenant.first?.fileName == "0001_audit_events.sql")
        #expect(set.tenant.map(\.version) == set.tenant.map(\.version).sorted())
    }

    @Test("only what is not yet applied is pending")
    func pendingAfterApplied() throws {
        let applied = [AppliedMigration(version: 1, fileName: first.fileName, checksum: first.checksum)]
        #expect(try MigrationSet.pending(applied: applied, available: [first, second]) == [second])
        #expect(try MigrationSet.pending(applied: [], available: [first, second]) == [first, second])
    }

    @Test("a file changed after it was applied is refused")
    func changedFileRefused() {
        let applied = [AppliedMigration(version: 1, fileName: first.fileName, checksum: "0000")]
        #expect(throws: MigrationError.changedAfterApplied("0001_first.sql")) {
            try MigrationSet.pending(applied: applied, available: [first, second])
        }
    }

    @Test("a schema ahead of the binary is refused")
    func unknownAppliedRefused() {
        let applied = [AppliedMigration(version: 9, fileName: "0009_future.sql", checksum: "x")]
        #expect(throws: MigrationError.unknownApplied("0009_future.sql")) {
            try MigrationSet.pending(applied: applied, available: [first])
        }
    }

    @Test("badly named files and duplicate versions are refused")
    func badFiles() {
        #expect(throws: MigrationError.badFileName("tenant/1_short.sql")) {
            try MigrationSet(files: ["tenant/1_short.sql": ""])
        }
        #expect(throws: MigrationError.badFileName("other/0001_x.sql")) {
            try MigrationSet(files: ["other/0001_x.sql": ""])
        }
        #expect(throws: MigrationError.duplicateVersion("0001_a.sql", "0001_b.sql")) {
            try MigrationSet(files: ["tenant/0001_a.sql": "", "tenant/0001_b.sql": ""])
        }
    }
}
