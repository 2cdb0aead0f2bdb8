import ArgumentParser
import PGStore
import TenantPortal

/// `portal-admin purge`: what the purge worker of `serve` does about once an hour, by hand.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove what has outlived its use from every tenant, and print what went per tenant.",
        discussion: """
            Removes ended sessions (expired or revoked), expired invitations, sign-in failures past \
            their 15-minute window, idempotency keys older than 7 days and delivered mail older than \
            OUTBOX_RETENTION_DAYS (default 90). serve does the same about once an hour, on one \
            instance at a time.
            """
    )

    @Flag(help: "Count what would be removed, and remove nothing.")
    var dryRun = false

    @Option(name: .customLong("tenant"), help: "Only this tenant (its slug); may be repeated. Default: every tenant.")
    var tenants: [String] = []

    func run() async throws {
        let runtime = try AdminRuntime.start()
        let only = try tenants.isEmpty ? nil : Set(tenants.map { slug in try operatorFacing { try TenantSlug(slug) } })
        let reports = try await runtime.withAdminDatabase { database in
            try await Purge(database: database, outboxRetentionDays: runtime.settings.outboxRetentionDays)
                .run(dryRun: dryRun, only: only, logger: runtime.logger)
        }
        let kinds = reports.first { $0.failure == nil }?.removed.map(\.kind) ?? []
        print((["tenant"] + kinds).joined(separator: "\t"))
        for report in reports {
            print(([report.slug] + (report.failure.map { ["failed: " + $0] } ?? report.removed.map { "\($0.count)" })).joined(separator: "\t"))
        }
        print(dryRun ? "dry run: nothing was removed" : "removed \(reports.flatMap(\.removed).reduce(0) { $0 + $1.count }) rows")
        let failed = reports.filter { $0.failure != nil }.map(\.slug)
        guard failed.isEmpty else {
            throw OperatorError(description: "the purge failed for \(failed.joined(separator: ", ")); the other tenants were purged")
        }
    }
}
