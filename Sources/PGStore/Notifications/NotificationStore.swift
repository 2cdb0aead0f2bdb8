import Logging
import PostgresNIO

/// Which ticket events send mail to the ticket's contact (PRODUCT.md B8), as the tenant chose.
public struct NotificationRules: Sendable, Equatable {
    public var onCreated: Bool
    /// Stage keys whose reaching sends "your request moved on"; terminal stages send "completed".
    public var onStages: [String]
    public var onCompleted: Bool

    public init(onCreated: Bool = true, onStages: [String] = [], onCompleted: Bool = true) {
        self.onCreated = onCreated
        self.onStages = onStages
        self.onCompleted = onCompleted
    }
}

/// The tenant's notification choices and who mail goes to. SQL only; runs in the tenant's scope.
public struct NotificationStore: Sendable {
    public init() {}

    public func rules(on connection: PostgresConnection, logger: Logger) async throws -> NotificationRules {
        guard
            let (created, stages, completed) = try await connection.rows(
                "SELECT on_created, on_stages, on_completed FROM notification_settings",
                as: (Bool, [String], Bool).self,
                logger: logger
            ).first
        else { return NotificationRules() }
        return NotificationRules(onCreated: created, onStages: stages, onCompleted: completed)
    }

    public func setRules(_ rules: NotificationRules, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO notification_settings (on_created, on_stages, on_completed)
            VALUES (\(rules.onCreated), \(rules.onStages), \(rules.onCompleted))
            ON CONFLICT (singleton) DO UPDATE
            SET on_created = EXCLUDED.on_created, on_stages = EXCLUDED.on_stages, on_completed = EXCLUDED.on_completed
            """,
            logger: logger
        )
    }

    /// The lead of `team` with an email address to reach them, if the team has one.
    public func teamLead(of team: String, on connection: PostgresConnection, logger: Logger) async throws -> (name: String, email: String)? {
        try await connection.rows(
            """
            SELECT s.display_name, s.email FROM teams t JOIN staff_members s ON s.id = t.lead_id
            WHERE t.name = \(team) AND s.active AND s.email <> ''
            """,
            as: (String, String).self,
            logger: logger
        ).first.map { (name: $0, email: $1) }
    }
}
