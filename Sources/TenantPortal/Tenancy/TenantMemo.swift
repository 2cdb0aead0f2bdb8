import Logging
import PGStore
import PostgresNIO

/// Something each tenant configures and every request needs (its workflows, its service levels,
/// which events send mail), read from the tenant's schema and kept in memory: it changes rarely,
/// and reading it on every request cost more than the request's own work. A change made on this
/// instance is seen at once (`forget`); one made anywhere else as soon as its commit is heard
/// (`TenantChangeWatch`, `0014_settings_changes`). `freshFor` is only a backstop.
final class TenantMemo<Value: Sendable>: TenantCache {
    private let read: @Sendable (PostgresConnection, Logger) async throws -> Value
    private let entries: TenantEntries<Value>

    init(freshFor: Duration = .seconds(60), read: @escaping @Sendable (PostgresConnection, Logger) async throws -> Value) {
        self.read = read
        self.entries = TenantEntries(freshFor: freshFor)
    }

    /// The tenant's value, read on `connection` (inside the tenant's scope) when not fresh.
    func value(of tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws -> Value {
        let now = ContinuousClock.now
        let (fresh, mark) = entries.lookUp(tenant.slug, at: now)
        if let fresh { return fresh }
        let value = try await read(connection, logger)
        entries.keep(value, for: tenant.slug, readAt: now, mark: mark)
        return value
    }

    /// The tenant's value for a request that needs no connection of its own: a fresh copy costs no
    /// lease at all, a stale one a read in the tenant's scope.
    func value(of tenant: Tenant, in database: Database, logger: Logger) async throws -> Value {
        if let fresh = entries.lookUp(tenant.slug, at: .now).fresh { return fresh }
        return try await database.reading(tenant.scope, logger: logger) { try await value(of: tenant, on: $0, logger: logger) }
    }

    /// Drops the tenant's copy after this instance changed what it holds.
    func forget(_ tenant: Tenant) {
        entries.forget(tenant.slug)
    }

    func forget(schema: String) {
        entries.forget(schema: schema)
    }

    func forgetAll() {
        entries.forgetAll()
    }
}
