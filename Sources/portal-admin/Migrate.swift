import ArgumentParser
import PGStore
import TenantPortal

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending migrations to the platform schema and every tenant schema.",
        discussion: """
            The platform migrates first; then each tenant in its own transaction, several at once. A tenant \
            that fails is rolled back, reported, and the rest carry on; the exit status is then non-zero. \
            Safe to run again after a crash. Also creates the service login named in DATABASE_URL when \
            missing (NOINHERIT), refuses one with unsafe attributes, and grants it every tenant role and USAGE on every tenant schema; \
            and gives each tenant the default workflows of its modules that it lacks.
            """
    )

    @Option(help: "How many tenants to migrate at once.")
    var concurrency = 4

    @Flag(help: "Only report what would be applied.")
    var dryRun = false

    @Option(name: .customLong("tenant"), help: "Migrate only this tenant (repeatable).")
    var tenants: [String] = []

    func validate() throws {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be from 1 to 64") }
    }

    func run() async throws {
        let runtime = try AdminRuntime.start()
        let login = try runtime.serviceLogin()
        let only = try operatorFacing { try tenants.isEmpty ? nil : tenants.map { try TenantSlug($0) } }
        let migrations = try operatorFacing { try MigrationSet.embedded() }
        let report = try await runtime.withAdminDatabase(connections: concurrency + 2) { database in
            try await Migrator(database: database, migrations: migrations).migrate(
                .init(
                    concurrency: concurrency,
                    dryRun: dryRun,
                    serviceLogin: login,
                    tenants: only,
                    seed: TenantOnboarding.seed(logger: runtime.logger)
                ),
                logger: runtime.logger
            )
        }
        print(MigrationReportText(report, dryRun: dryRun, login: login.name.name).lines.joined(separator: "\n"))
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}

/// The operator's view of a migration run: a summary, then one line per tenant that changed or failed.
struct MigrationReportText {
    let lines: [String]

    init(_ report: MigrationReport, dryRun: Bool, login: String) {
        var lines = ["platform: " + Self.describe(report.platform)]
        if let outcome = report.serviceLogin {
            lines.append("service login \(login): \(outcome.rawValue)")
        }
        var upToDate = 0
        var changed: [String] = []
        for tenant in report.tenants {
            if case .upToDate = tenant.outcome { upToDate += 1 } else { changed.append("  \(tenant.slug): " + Self.describe(tenant.outcome)) }
        }
        let failed = report.failures.count
        let verb = dryRun ? "to migrate" : "migrated"
        lines.append("tenants: \(report.tenants.count) in all, \(upToDate) up to date, \(changed.count - failed) \(verb), \(failed) failed")
        self.lines = lines + changed
    }

    static func describe(_ outcome: SchemaOutcome) -> String {
        switch outcome {
        case .upToDate(let version): "up to date at version \(version)"
        case .migrated(let from, let to, let files): "\(from) -> \(to) (\(files.joined(separator: ", ")))"
        case .wouldApply(let from, let files): "at \(from), would apply \(files.joined(separator: ", "))"
        case .failed(let version, let reason): "FAILED, still at version \(version): \(reason)"
        }
    }
}
