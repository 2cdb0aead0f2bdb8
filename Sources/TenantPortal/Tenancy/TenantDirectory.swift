import Logging
import PGStore
import Synchronization

/// Finds a request's tenant by slug, keeping what it found in memory for a few seconds so a busy
/// portal does not ask the catalog on every request, while a suspension still takes effect quickly
/// on every running instance.
public final class TenantDirectory: Sendable {
    private struct Entry {
        var tenant: Tenant
        var fetched: ContinuousClock.Instant
    }

    private let catalog: TenantCatalog
    private let freshFor: Duration
    private let entries = Mutex<[TenantSlug: Entry]>([:])

    public init(catalog: TenantCatalog, freshFor: Duration = .seconds(2)) {
        self.catalog = catalog
        self.freshFor = freshFor
    }

    /// The tenant, or nil when no tenant has this slug. Unknown slugs are not remembered, so the
    /// memory held is bounded by the number of tenants.
    public func tenant(_ slug: TenantSlug, logger: Logger) async throws -> Tenant? {
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[slug] }), now - entry.fetched < freshFor {
            return entry.tenant
        }
        let tenant = try await catalog.find(slug, logger: logger)
        entries.withLock { entries in
            entries[slug] = tenant.map { Entry(tenant: $0, fetched: now) }
        }
        return tenant
    }
}
