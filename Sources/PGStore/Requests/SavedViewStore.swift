import Foundation
import Logging
import PostgresNIO

/// A view of the staff's ticket table a member saved: its name and the table's query text.
public struct SavedView: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var query: String
}

/// The members' saved views (tenant `0028`). SQL only; runs in the tenant's scope.
public struct SavedViewStore: Sendable {
    public init() {}

    public func views(staffID: Int, on connection: PostgresConnection, logger: Logger) async throws -> [SavedView] {
        try await connection.rows(
            "SELECT id, name, query FROM saved_views WHERE staff_id = \(staffID) ORDER BY name",
            as: (Int, String, String).self,
            logger: logger
        ).map { SavedView(id: $0, name: $1, query: $2) }
    }

    /// Saves the view under `name`, replacing the member's view of that name.
    public func save(name: String, query: String, staffID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO saved_views (staff_id, name, query) VALUES (\(staffID), \(name), \(query))
            ON CONFLICT (staff_id, name) DO UPDATE SET query = EXCLUDED.query
            """,
            logger: logger
        )
    }

    public func delete(id: Int, staffID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM saved_views WHERE id = \(id) AND staff_id = \(staffID)", logger: logger)
    }
}
