import Logging
import PGStore

/// Finds a request's tenant by slug, keeping what it found in memory so a busy portal does not ask
/// the catalog on every request. A change to a tenant's row (a suspension above all) is heard on
/// every instance as soon as it commits (`TenantChangeWatch`, platform `0004_catalog_changes`);
/// `freshFor` is only a backstop.
public final class TenantDirectory: TenantCache {
    private let catalog: TenantCatalog
    private let entries: TenantEntries<Tenant>

    public init(catalog: TenantCatalog, freshFor: Duration = .seconds(60)) {
        self.catalog = catalog
        self.entries = TenantEntries(freshFor: freshFor)
    }

    /// The tenant, or nil when no tenant has this slug. Unknown slugs are not remembered, so the
    /// memory held is bounded by the number of tenants.
    public func tenant(_ slug: TenantSlug, logger: Logger) async throws -> Tenant? {
        let now = ContinuousClock.now
        let (fresh, mark) = entries.lookUp(slug, at: now)
        if let fresh { return fresh }
        let tenant = try await catalog.find(slug, logger: logger)
        entries.keep(tenant, for: slug, readAt: now, mark: mark)
        return tenant
    }

    func forget(schema: String) {
        entries.forget(schema: schema)
    }

    func forgetAll() {
        entries.forgetAll()
    }
}
