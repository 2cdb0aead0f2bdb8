import Logging
import PostgresNIO

extension Database {
    /// Runs `body` with every `portal_ticket_events` notification (see the tenant migration that
    /// raises them) as (schema, ticket id). Returns or throws when the connection ends.
    public func listenForTicketChanges(logger: Logger, _ body: @Sendable (String, Int) async -> Void) async throws {
        try await listen(on: "portal_ticket_events", logger: logger) { payload in
            let parts = payload.split(separator: ":")
            guard parts.count == 2, let ticketID = Int(parts[1]) else { return }
            await body(String(parts[0]), ticketID)
        }
    }

    /// Runs `body` with the schema of every tenant whose `changes` were committed; `listening` once
    /// nothing can be missed any more. Returns or throws when the connection ends.
    public func listen(
        for changes: TenantChanges,
        logger: Logger,
        listening: @Sendable () -> Void,
        _ body: @Sendable (String) async -> Void
    ) async throws {
        try await listen(on: changes.rawValue, logger: logger, listening: listening, body)
    }

    /// Every notification's payload on `channel`, on a connection of its own outside the pool, since
    /// a listening connection cannot be shared; straight to PostgreSQL (`listenURL`), since a
    /// transaction pooler would hand the listening session to others between statements.
    private func listen(
        on channel: String,
        logger: Logger,
        listening: @Sendable () -> Void = {},
        _ body: @Sendable (String) async -> Void
    ) async throws {
        let connection = try await PostgresConnection.connect(configuration: listenURL.connectionConfiguration(), id: 0, logger: logger)
        do {
            try await connection.listen(on: channel) { notifications in
                listening()
                for try await notification in notifications {
                    await body(notification.payload)
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }
}

/// The notification channels on which tenant migrations announce, with the tenant's schema as the
/// payload, that rows an instance may hold in memory have changed.
public enum TenantChanges: String, Sendable {
    /// Sign-ins: sessions, tokens, passwords, roles, end dates (`0009_access_changes`); and the
    /// tenant's catalog row, its status above all (platform `0004_catalog_changes`).
    case access = "portal_access_changes"
    /// Workflows, notification rules, business calendar and service-level policies (`0014_settings_changes`).
    case settings = "portal_settings_changes"
}
