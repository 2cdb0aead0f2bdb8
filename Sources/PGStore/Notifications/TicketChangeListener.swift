import Logging
import PostgresNIO

extension Database {
    /// Runs `body` with every `portal_ticket_events` notification (see the tenant migration that
    /// raises them) as (schema, ticket id), on a connection of its own outside the pool, since a
    /// listening connection cannot be shared. Returns or throws when the connection ends.
    public func listenForTicketChanges(logger: Logger, _ body: @Sendable (String, Int) async -> Void) async throws {
        let connection = try await PostgresConnection.connect(configuration: url.connectionConfiguration(), id: 0, logger: logger)
        do {
            try await connection.listen(on: "portal_ticket_events") { notifications in
                for try await notification in notifications {
                    let parts = notification.payload.split(separator: ":")
                    guard parts.count == 2, let ticketID = Int(parts[1]) else { continue }
                    await body(String(parts[0]), ticketID)
                }
            }
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }
}
