import Logging
import PGStore
import Synchronization

/// Finds a request's tenant by slug, keeping what it found in memory so a busy portal does not ask
/// the catalog on every request. A change to a tenant's row (a suspension above all) is heard on
/// every instance as soon as it commits (`TenantChangeWatch`, platform `0004_catalog_changes`);
/// `freshFor` is only a backstop.
public final class TenantDirectory: TenantCache {
    private struct Entry {
        var tenant: Tenant
        var fetched: ContinuousClock.Instant
    }

    private struct State {
        var entries: [TenantSlug: Entry] = [:]
        /// Bumped by every forget: a row read before a change must not be kept after the change
        /// emptied the entry (the notification can arrive while the read is under way).
        var forgets = 0
    }

    private let catalog: TenantCatalog
    private let freshFor: Duration
    private let state = Mutex(State())

    public init(catalog: TenantCatalog, freshFor: Duration = .seconds(60)) {
        self.catalog = catalog
        self.freshFor = freshFor
    }

    /// The tenant, or nil when no tenant has this slug. Unknown slugs are not remembered, so the
    /// memory held is bounded by the number of tenants.
    public func tenant(_ slug: TenantSlug, logger: Logger) async throws -> Tenant? {
        let now = ContinuousClock.now
        let (fresh, forgets) = state.withLock { state in
            (state.entries[slug].flatMap { now - $0.fetched < freshFor ? $0.tenant : nil }, state.forgets)
        }
        if let fresh { return fresh }
        let tenant = try await catalog.find(slug, logger: logger)
        state.withLock { state in
            if state.forgets == forgets { state.entries[slug] = tenant.map { Entry(tenant: $0, fetched: now) } }
        }
        return tenant
    }

    func forget(schema: String) {
        guard let slug = try? TenantSlug(schemaName: schema) else { return }
        state.withLock { state in
            state.entries[slug] = nil
            state.forgets &+= 1
        }
    }

    func forgetAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.forgets &+= 1
        }
    }
}
