import Foundation
import Logging
import PGStore

// The in-process half of bench/tenants: times tenant creation and migrations through the same
// PGStore code portal-admin uses, without process start-up in the figures.
//
//   tenants-bench create N   create bench-00000 ... and print the median and p95 milliseconds
//   tenants-bench noop       time a migrate that has nothing to do, over every tenant
//   tenants-bench alter      time one new tenant migration (a column plus an index) at concurrency 1,
//                            then another at concurrency 4
// Reads ADMIN_DATABASE_URL and DATABASE_URL like portal-admin.

var logger = Logger(label: "tenants-bench")
logger.logLevel = .error
let environment = ProcessInfo.processInfo.environment
let admin = try DatabaseURL(environment["ADMIN_DATABASE_URL"] ?? "", setting: "ADMIN_DATABASE_URL")
let serviceLogin = try ServiceLogin(url: DatabaseURL(environment["DATABASE_URL"] ?? "", setting: "DATABASE_URL"))
let embedded = try MigrationSet.embedded()
let database = Database(url: admin, maxConnections: 8, logger: logger)

@MainActor
func seconds(_ work: () async throws -> Void) async throws -> Double {
    let start = ContinuousClock.now
    try await work()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

@MainActor
func migrate(_ migrations: MigrationSet, concurrency: Int) async throws -> Double {
    try await seconds {
        let report = try await Migrator(database: database, migrations: migrations)
            .migrate(.init(concurrency: concurrency), logger: logger)
        guard report.failures.isEmpty else { fatalError("migration failed: \(report.failures)") }
    }
}

func withBenchColumn(_ name: String) throws -> MigrationSet {
    let version = (embedded.tenant.last?.version ?? 0) + (name == "a" ? 9001 : 9002)
    let extra = try Migration(
        scope: .tenant,
        fileName: "\(version)_bench_column_\(name).sql",
        sql: """
            ALTER TABLE audit_events ADD COLUMN bench_\(name) text;
            CREATE INDEX audit_events_bench_\(name) ON audit_events (bench_\(name));
            """
    )
    let earlier = name == "b" ? [try withBenchColumn("a").tenant.last!] : []
    return try MigrationSet(platform: embedded.platform, tenant: embedded.tenant + earlier + [extra])
}

try await database.whileRunning {
    switch CommandLine.arguments.dropFirst().first {
    case "create":
        let count = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 1000
        let provisioner = TenantProvisioner(database: database, migrations: embedded, serviceLogin: serviceLogin.name)
        var milliseconds: [Double] = []
        for index in 0..<count {
            let new = try NewTenant(
                slug: String(format: "bench-%05d", index),
                displayName: "Doanh nghiệp thử nghiệm \(index)",
                modules: "it,care"
            )
            milliseconds.append(try await seconds { _ = try await provisioner.create(new, actor: "bench", logger: logger) } * 1000)
        }
        milliseconds.sort()
        print(
            String(
                format: "create one tenant: median %.1f ms, p95 %.1f ms (%d tenants)",
                milliseconds[count / 2],
                milliseconds[count * 95 / 100],
                count
            )
        )
    case "noop":
        print(String(format: "no-op migrate over all tenants (concurrency 4): %.2f s", try await migrate(embedded, concurrency: 4)))
    case "alter":
        print(
            String(
                format: "new migration (column + index) over all, concurrency 1: %.2f s",
                try await migrate(try withBenchColumn("a"), concurrency: 1)
            )
        )
        print(
            String(
                format: "new migration (column + index) over all, concurrency 4: %.2f s",
                try await migrate(try withBenchColumn("b"), concurrency: 4)
            )
        )
    default:
        print("usage: tenants-bench create N | noop | alter")
        exit(2)
    }
}
