import Logging
import PGStore
import PostgresNIO
import Synchronization

/// Each tenant's workflows, kept in memory for a few seconds: every ticket read needs them, and
/// they change rarely (a workflow edit reaches every instance within `freshFor`).
final class WorkflowDirectory: Sendable {
    private struct Entry {
        var workflows: [Workflow]
        var fetched: ContinuousClock.Instant
    }

    private let store = WorkflowStore()
    private let freshFor: Duration
    private let entries = Mutex<[TenantSlug: Entry]>([:])

    init(freshFor: Duration = .seconds(2)) {
        self.freshFor = freshFor
    }

    /// The tenant's workflows, read on `connection` (inside the tenant's scope) when not fresh.
    func workflows(of tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws -> [Workflow] {
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[tenant.slug] }), now - entry.fetched < freshFor {
            return entry.workflows
        }
        let workflows = try await store.all(on: connection, logger: logger)
        entries.withLock { $0[tenant.slug] = Entry(workflows: workflows, fetched: now) }
        return workflows
    }

    /// Drops the tenant's copy after this instance changed a workflow; others catch up within `freshFor`.
    func forget(_ tenant: Tenant) {
        _ = entries.withLock { $0.removeValue(forKey: tenant.slug) }
    }
}
