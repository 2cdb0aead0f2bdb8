import Foundation
import Logging
import PostgresNIO

/// An answer staff insert again and again (PRODUCT.md B12).
public struct CannedReply: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var body: String
    /// Lower case; a new ticket containing one gets this reply automatically.
    public var keywords: [String]
    public var updatedAt: Date
}

/// Canned replies. SQL only; runs in the tenant's scope.
public struct CannedReplyStore: Sendable {
    public init() {}

    public func all(on connection: PostgresConnection, logger: Logger) async throws -> [CannedReply] {
        try await connection.rows(
            "SELECT id, title, body, keywords, updated_at FROM canned_replies ORDER BY title, id",
            as: (Int, String, String, [String], Date).self,
            logger: logger
        ).map { CannedReply(id: $0, title: $1, body: $2, keywords: $3, updatedAt: $4) }
    }

    public func create(title: String, body: String, keywords: [String], on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.value(
            "INSERT INTO canned_replies (title, body, keywords) VALUES (\(title), \(body), \(keywords)) RETURNING id",
            as: Int.self,
            logger: logger
        )!
    }

    /// False when there is no such reply.
    public func update(
        id: Int,
        title: String,
        body: String,
        keywords: [String],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        try await connection.value(
            """
            UPDATE canned_replies SET title = \(title), body = \(body), keywords = \(keywords), updated_at = now()
            WHERE id = \(id) RETURNING true
            """,
            as: Bool.self,
            logger: logger
        ) == true
    }

    public func delete(id: Int, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.value("DELETE FROM canned_replies WHERE id = \(id) RETURNING true", as: Bool.self, logger: logger) == true
    }
}
