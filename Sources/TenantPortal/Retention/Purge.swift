import Logging
import PGStore

/// Removes what has outlived its use from every tenant, each in its own scope and transaction:
/// ended sessions, expired invitations, sign-in failures past their window, idempotency keys older
/// than 7 days and delivered mail older than the outbox retention (`OUTBOX_RETENTION_DAYS`).
/// `PurgeWorker` runs it in `serve`; `portal-admin purge` by hand.
public struct Purge: Sendable {
    /// One tenant's share: how many rows of each kind went (or would go, in a dry run), or why its
    /// purge failed (rolled back; the other tenants go on).
    public struct Report: Sendable {
        public var slug: String
        public var removed: [(kind: String, count: Int)]
        public var failure: String?
    }

    let database: Database
    let outboxRetentionDays: Int
    private let store = RetentionStore()

    public init(database: Database, outboxRetentionDays: Int) {
        self.database = database
        self.outboxRetentionDays = outboxRetentionDays
    }

    /// Every tenant's purge (or only those named: a slug no tenant has is refused before anything
    /// is purged); a tenant that fails is logged and reported, and the others go on.
    public func run(dryRun: Bool, only slugs: Set<TenantSlug>? = nil, logger: Logger) async throws -> [Report] {
        let tenants = try await TenantCatalog(database: database).list(logger: logger).filter { slugs?.contains($0.slug) ?? true }
        if let missing = slugs?.subtracting(tenants.map(\.slug)).min() { throw TenantError.notFound(missing.value) }
        var reports: [Report] = []
        for tenant in tenants {
            do {
                let removed = try await database.withTenant(tenant.scope, logger: logger) { connection in
                    try await store.purge(outboxDays: outboxRetentionDays, dryRun: dryRun, on: connection, logger: logger)
                }
                reports.append(Report(slug: tenant.slug.value, removed: removed.map { (kind: $0.kind, count: $0.removed) }))
            } catch {
                logger.error("purge failed", metadata: ["tenant": "\(tenant.slug)", "reason": "\(error.operatorMessage)"])
                reports.append(Report(slug: tenant.slug.value, removed: [], failure: error.operatorMessage))
            }
        }
        return reports
    }
}
