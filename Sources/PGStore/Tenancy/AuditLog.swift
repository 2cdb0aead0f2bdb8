import Logging
import PostgresNIO

/// The tenant's append-only record of administrative actions (`audit_events`).
enum AuditLog {
    /// Appends one event; the connection must be inside the tenant's scope.
    static func record(actor: String, action: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "INSERT INTO audit_events (actor, action) VALUES (\(actor), \(action))",
            logger: logger
        )
    }
}
