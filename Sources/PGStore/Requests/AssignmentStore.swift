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

/// Who gets a new ticket, and the teams behind it. SQL only; runs in the tenant's scope.
public struct AssignmentStore: Sendable {
    public init() {}

    /// Picks and records the assignee of a new ticket inside the creating transaction: the
    /// customer's account manager when it has an active one, else the member of the team taking
    /// `ticketType` with the fewest open tickets (the one assigned longest ago on a tie). The team
    /// row stays locked until the transaction ends, so tickets arriving at once take turns and
    /// each sees the counts the previous ones left. Returns the assignee's display name, if any.
    public func assignNew(ticketID: Int, ticketType: String, customerID: Int?, on connection: PostgresConnection, logger: Logger) async throws -> String? {
        if let customerID,
            let (manager, name, team) = try await connection.rows(
                """
                SELECT s.id, s.display_name, s.team FROM customers c JOIN staff_members s ON s.id = c.account_manager_id
                WHERE c.id = \(customerID) AND s.active
                """, as: (Int, String, String).self, logger: logger
            ).first
        {
            try await record(ticketID: ticketID, assignee: manager, team: team, on: connection, logger: logger)
            return name
        }
        guard
            let team = try await connection.value(
                "SELECT name FROM teams WHERE \(ticketType) = ANY(ticket_types) ORDER BY name LIMIT 1 FOR UPDATE", as: String.self, logger: logger)
        else { return nil }
        let chosen = try await connection.rows(
            """
            SELECT s.id, s.display_name FROM staff_members s
            LEFT JOIN tickets t ON t.assignee_id = s.id
                 AND NOT EXISTS (SELECT 1 FROM workflow_stages w WHERE w.ticket_type = t.ticket_type AND w.stage = t.stage AND w.terminal)
            WHERE s.team = \(team) AND s.active
            GROUP BY s.id, s.display_name, s.last_assigned_at
            ORDER BY count(t.id), s.last_assigned_at NULLS FIRST, s.id
            LIMIT 1
            """, as: (Int, String).self, logger: logger
        ).first
        try await record(ticketID: ticketID, assignee: chosen?.0, team: team, on: connection, logger: logger)
        return chosen?.1
    }

    private func record(ticketID: Int, assignee: Int?, team: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE tickets SET assignee_id = \(assignee), team = \(team) WHERE id = \(ticketID)", logger: logger)
        if let assignee {
            try await connection.query("UPDATE staff_members SET last_assigned_at = clock_timestamp() WHERE id = \(assignee)", logger: logger)
        }
    }

    public func teams(on connection: PostgresConnection, logger: Logger) async throws -> [Team] {
        try await connection.rows(
            "SELECT t.name, s.username, t.ticket_types FROM teams t LEFT JOIN staff_members s ON s.id = t.lead_id ORDER BY t.name",
            as: (String, String?, [String]).self, logger: logger
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
                """, as: Bool.self, logger: logger)
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
            """, as: Bool.self, logger: logger) == true
    }
}
