import Foundation
import Logging
import PostgresNIO

/// How a customer rated the handling of a finished ticket (PRODUCT.md B9).
public struct Rating: Sendable, Equatable {
    public var handling: Int
    public var attitude: Int
    public var comment: String

    public init(handling: Int, attitude: Int, comment: String) {
        self.handling = handling
        self.attitude = attitude
        self.comment = comment
    }
}

/// Ratings, one per ticket and never changed. SQL only; runs in the tenant's scope.
public struct RatingStore: Sendable {
    public init() {}

    /// Stores the rating; false when the ticket was rated before (the first rating stays).
    public func insert(_ rating: Rating, ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.value(
            """
            INSERT INTO ratings (ticket_id, handling, attitude, comment)
            VALUES (\(ticketID), \(rating.handling), \(rating.attitude), \(rating.comment))
            ON CONFLICT (ticket_id) DO NOTHING RETURNING true
            """,
            as: Bool.self,
            logger: logger
        ) == true
    }

    public func rating(ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws -> Rating? {
        try await connection.rows(
            "SELECT handling, attitude, comment FROM ratings WHERE ticket_id = \(ticketID)",
            as: (Int16, Int16, String).self,
            logger: logger
        ).first.map { Rating(handling: Int($0), attitude: Int($1), comment: $2) }
    }
}
