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

    /// Runs `body` with the schema of every tenant whose sign-ins changed (`portal_access_changes`,
    /// raised by the tenant migration `0009_access_changes`); `listening` once nothing can be missed
    /// any more. Returns or throws when the connection ends.
    public func listenForAccessChanges(logger: Logger, listening: @Sendable () -> Void, _ body: @Sendable (String) async -> Void) async throws {
        try await listen(on: "portal_access_changes", logger: logger, listening: listening, body)
    }

    /// Every notification's payload on `channel`, on a connection of its own outside the pool, since
    /// a listening connection cannot be shared.
    private func listen(
        on channel: String, logger: Logger, listening: @Sendable () -> Void = {}, _ body: @Sendable (String) async -> Void
    ) async throws {
        let connection = try await PostgresConnection.connect(configuration: url.connectionConfiguration(), id: 0, logger: logger)
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
