import Logging
import PostgresNIO

/// The tenant's append-only record of administrative actions (`audit_events`).
enum AuditLog {
    /// Appends one event, with its `detail` as JSON text (what changed, before and after); the
    /// connection must be inside the tenant's scope.
    static func record(actor: String, action: String, detail: String = "{}", on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "INSERT INTO audit_events (actor, action, detail) VALUES (\(actor), \(action), CAST(\(detail) AS jsonb))",
            logger: logger
        )
    }
}
