import Logging
import PGStore
import PostgresNIO
import Synchronization

/// Something each tenant configures and every request needs (its workflows, its service levels,
/// which events send mail), read from the tenant's schema and kept in memory: it changes rarely,
/// and reading it on every request cost more than the request's own work. A change made on this
/// instance is seen at once (`forget`); one made anywhere else as soon as its commit is heard
/// (`TenantChangeWatch`, `0014_settings_changes`). `freshFor` is only a backstop.
final class TenantMemo<Value: Sendable>: TenantCache {
    private struct Entry {
        var value: Value
        var fetched: ContinuousClock.Instant
    }

    private struct State {
        var entries: [TenantSlug: Entry] = [:]
        /// Bumped by every forget: a value read before a change must not be kept after the change
        /// emptied the memo (the notification can arrive while the read is under way).
        var forgets = 0
    }

    private let freshFor: Duration
    private let read: @Sendable (PostgresConnection, Logger) async throws -> Value
    private let state = Mutex(State())

    init(freshFor: Duration = .seconds(60), read: @escaping @Sendable (PostgresConnection, Logger) async throws -> Value) {
        self.freshFor = freshFor
        self.read = read
    }

    /// The tenant's value, read on `connection` (inside the tenant's scope) when not fresh.
    func value(of tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws -> Value {
        let now = ContinuousClock.now
        let (fresh, forgets) = lookUp(tenant, at: now)
        if let fresh { return fresh }
        let value = try await read(connection, logger)
        state.withLock { state in
            if state.forgets == forgets { state.entries[tenant.slug] = Entry(value: value, fetched: now) }
        }
        return value
    }

    /// The tenant's value for a request that needs no connection of its own: a fresh copy costs no
    /// lease at all, a stale one a read in the tenant's scope.
    func value(of tenant: Tenant, in database: Database, logger: Logger) async throws -> Value {
        if let fresh = lookUp(tenant, at: .now).fresh { return fresh }
        return try await database.reading(tenant.scope, logger: logger) { try await value(of: tenant, on: $0, logger: logger) }
    }

    /// The tenant's copy if still fresh, and how many forgets came before, to keep a new read by.
    private func lookUp(_ tenant: Tenant, at now: ContinuousClock.Instant) -> (fresh: Value?, forgets: Int) {
        state.withLock { state in
            (state.entries[tenant.slug].flatMap { now - $0.fetched < freshFor ? $0.value : nil }, state.forgets)
        }
    }

    /// Drops the tenant's copy after this instance changed what it holds.
    func forget(_ tenant: Tenant) {
        forget(tenant.slug)
    }

    func forget(schema: String) {
        guard let slug = try? TenantSlug(schemaName: schema) else { return }
        forget(slug)
    }

    private func forget(_ slug: TenantSlug) {
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
