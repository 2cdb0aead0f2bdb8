import Logging
import PGStore
import PostgresNIO
import Synchronization

/// Something each tenant configures and every request needs (its workflows, its service levels,
/// which events send mail), read from the tenant's schema and kept in memory for a few seconds:
/// it changes rarely, and reading it on every request cost more than the request's own work. A
/// change made on this instance is seen at once (`forget`); on other instances within `freshFor`.
final class TenantMemo<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var fetched: ContinuousClock.Instant
    }

    private let freshFor: Duration
    private let read: @Sendable (PostgresConnection, Logger) async throws -> Value
    private let entries = Mutex<[TenantSlug: Entry]>([:])

    init(freshFor: Duration = .seconds(2), read: @escaping @Sendable (PostgresConnection, Logger) async throws -> Value) {
        self.freshFor = freshFor
        self.read = read
    }

    /// The tenant's value, read on `connection` (inside the tenant's scope) when not fresh.
    func value(of tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws -> Value {
        let now = ContinuousClock.now
        if let entry = entries.withLock({ $0[tenant.slug] }), now - entry.fetched < freshFor {
            return entry.value
        }
        let value = try await read(connection, logger)
        entries.withLock { $0[tenant.slug] = Entry(value: value, fetched: now) }
        return value
    }

    /// Drops the tenant's copy after this instance changed what it holds.
    func forget(_ tenant: Tenant) {
        _ = entries.withLock { $0.removeValue(forKey: tenant.slug) }
    }
}
