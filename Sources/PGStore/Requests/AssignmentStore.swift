import Logging
import PostgresNIO

/// A team as configured: its lead and the ticket types it takes (PRODUCT.md B11).
public struct Team: Sendable, Equatable {
    public var name: String
    /// The lead's username.
    public var lead: String?
    public var ticketTypes: [String]

    public init(name: String, lead: String?, ticketTypes: [String]) {
        self.name = name
        self.lead = lead
        self.ticketTypes = ticketTypes
    }
}

/// The teams behind assignment (who gets a new ticket is picked by the tenant's `file_ticket`
/// function, migration 0011). SQL only; runs in the tenant's scope.
public struct AssignmentStore: Sendable {
    public init() {}

    public func teams(on connection: PostgresConnection, logger: Logger) async throws -> [Team] {
        try await connection.rows(
            "SELECT t.name, s.username, t.ticket_types FROM teams t LEFT JOIN staff_members s ON s.id = t.lead_id ORDER BY t.name",
            as: (String, String?, [String]).self,
            logger: logger
        ).map { Team(name: $0, lead: $1, ticketTypes: $2) }
    }

    /// Replaces every team; false when a lead named does not exist.
    public func setTeams(_ teams: [Team], on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.query("DELETE FROM teams", logger: logger)
        for team in teams {
            let stored = try await connection.value(
                """
                INSERT INTO teams (name, lead_id, ticket_types)
                SELECT \(team.name), (SELECT id FROM staff_members WHERE username = \(team.lead)), \(team.ticketTypes)
                WHERE \(team.lead)::text IS NULL OR EXISTS (SELECT 1 FROM staff_members WHERE username = \(team.lead))
                RETURNING true
                """,
                as: Bool.self,
                logger: logger
            )
            guard stored == true else { return false }
        }
        return true
    }

    /// Sets or clears (nil) a customer's account manager; false when there is no such staff member.
    public func setAccountManager(customerID: Int, username: String?, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        guard let username else {
            try await connection.query("UPDATE customers SET account_manager_id = NULL WHERE id = \(customerID)", logger: logger)
            return true
        }
        return try await connection.value(
            """
            UPDATE customers SET account_manager_id = s.id FROM staff_members s
            WHERE customers.id = \(customerID) AND s.username = \(username) RETURNING true
            """,
            as: Bool.self,
            logger: logger
        ) == true
    }
}
