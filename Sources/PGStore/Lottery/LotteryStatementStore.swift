import Foundation
import Logging
import PostgresNIO

/// An agent's statement for one closed debt period (E5): the balance it opened with, what the
/// period's draws, adjustments and payments came to, and the balance it closed with; then the
/// agent's answer.
public struct LotteryStatement: Sendable, Equatable {
    public var id: Int
    public var agentCode: String
    public var period: String
    public var start: String
    public var end: String
    public var openingBalance: Int64
    public var draws: Int64
    public var adjustments: Int64
    public var payments: Int64
    public var closingBalance: Int64
    /// `waiting`, `confirmed` or `disputed`.
    public var state: String
    public var answeredAt: Date?
    public var disputeReason: String?
    /// The dispute's ticket.
    public var ticketCode: String?
}

/// A closed debt period and how its statements stand: confirmed, disputed, the rest waiting.
public struct ClosedPeriod: Sendable, Equatable {
    public var name: String
    public var start: String
    public var end: String
    public var closedAt: Date
    public var closedBy: String
    public var statements: Int
    public var confirmed: Int
    public var disputed: Int
    public var waiting: Int { statements - confirmed - disputed }
}

/// Closing debt periods and the statements they make (tenant `0031`). SQL only; tenant scope.
public struct LotteryStatementStore: Sendable {
    public init() {}

    /// The closed periods: (name, first day, last day), oldest first.
    public func closedPeriods(on connection: PostgresConnection, logger: Logger) async throws -> [(name: String, start: String, end: String)] {
        try await connection.rows(
            "SELECT name, start_date::text, end_date::text FROM lottery_periods ORDER BY start_date",
            as: (String, String, String).self,
            logger: logger
        ).map { ($0, $1, $2) }
    }

    /// The closed periods, newest first, each with how its statements stand; at most `limit`.
    public func periodOverview(limit: Int, on connection: PostgresConnection, logger: Logger) async throws -> [ClosedPeriod] {
        try await connection.rows(
            """
            SELECT p.name, p.start_date::text, p.end_date::text, p.closed_at, p.closed_by,
                   count(s.id), count(s.id) FILTER (WHERE s.state = 'confirmed'), count(s.id) FILTER (WHERE s.state = 'disputed')
            FROM lottery_periods p LEFT JOIN lottery_statements s ON s.period_start = p.start_date
            GROUP BY p.start_date ORDER BY p.start_date DESC LIMIT \(limit)
            """,
            as: (String, String, String, Date, String, Int, Int, Int).self,
            logger: logger
        ).map {
            ClosedPeriod(name: $0, start: $1, end: $2, closedAt: $3, closedBy: $4, statements: $5, confirmed: $6, disputed: $7)
        }
    }

    /// The name of the closed period `day` (YYYY-MM-DD) falls in, among `periods`; nil when none.
    public static func closedPeriod(containing day: String, in periods: [(name: String, start: String, end: String)]) -> String? {
        periods.first { $0.start <= day && day <= $0.end }?.name
    }

    /// Closes the period and makes one statement per agent with an entry dated in it, from the
    /// ledger; the number of statements. False when the period was closed before.
    public func close(
        name: String,
        start: String,
        end: String,
        actor: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int? {
        guard
            try await connection.value(
                """
                INSERT INTO lottery_periods (start_date, end_date, name, closed_by) VALUES (CAST(\(start) AS date), CAST(\(end) AS date), \(name), \(actor))
                ON CONFLICT DO NOTHING RETURNING true
                """,
                as: Bool.self,
                logger: logger
            ) == true
        else { return nil }
        return try await connection.value(
            """
            WITH figures AS (
                SELECT agent_id,
                       coalesce(sum(CASE WHEN kind = 'payment' THEN -amount ELSE amount END) FILTER (WHERE entry_date < CAST(\(start) AS date)), 0) AS opening,
                       coalesce(sum(amount) FILTER (WHERE kind = 'draw' AND entry_date >= CAST(\(start) AS date)), 0) AS draws,
                       coalesce(sum(amount) FILTER (WHERE kind = 'adjustment' AND entry_date >= CAST(\(start) AS date)), 0) AS adjustments,
                       coalesce(sum(amount) FILTER (WHERE kind = 'payment' AND entry_date >= CAST(\(start) AS date)), 0) AS payments,
                       count(*) FILTER (WHERE entry_date >= CAST(\(start) AS date)) AS active
                FROM lottery_ledger WHERE entry_date <= CAST(\(end) AS date)
                GROUP BY agent_id
            ), made AS (
                INSERT INTO lottery_statements (period_start, agent_id, opening_balance, draws, adjustments, payments, closing_balance)
                SELECT CAST(\(start) AS date), agent_id, opening, draws, adjustments, payments, opening + draws + adjustments - payments
                FROM figures WHERE active > 0
                RETURNING 1
            )
            SELECT count(*)::bigint FROM made
            """,
            as: Int.self,
            logger: logger
        )
    }

    static let columns = """
        s.id, a.code, p.name, p.start_date::text, p.end_date::text, s.opening_balance, s.draws, s.adjustments, s.payments,
        s.closing_balance, s.state, s.answered_at, s.dispute_reason, t.code
        """
    static let tables = """
        lottery_statements s JOIN lottery_agents a ON a.id = s.agent_id JOIN lottery_periods p ON p.start_date = s.period_start
        LEFT JOIN tickets t ON t.id = s.ticket_id
        """
    typealias Row = (Int, String, String, String, String, Int64, Int64, Int64, Int64, Int64, String, Date?, String?, String?)

    static func statement(_ row: Row) -> LotteryStatement {
        LotteryStatement(
            id: row.0,
            agentCode: row.1,
            period: row.2,
            start: row.3,
            end: row.4,
            openingBalance: row.5,
            draws: row.6,
            adjustments: row.7,
            payments: row.8,
            closingBalance: row.9,
            state: row.10,
            answeredAt: row.11,
            disputeReason: row.12,
            ticketCode: row.13
        )
    }

    /// One agent's statements, newest period first.
    public func statements(agentID: Int, on connection: PostgresConnection, logger: Logger) async throws -> [LotteryStatement] {
        try await connection.rows(
            "SELECT \(unescaped: Self.columns) FROM \(unescaped: Self.tables) WHERE s.agent_id = \(agentID) ORDER BY s.period_start DESC",
            as: Row.self,
            logger: logger
        ).map(Self.statement)
    }

    /// A period's statements, by agent code.
    public func statements(period name: String, on connection: PostgresConnection, logger: Logger) async throws -> [LotteryStatement] {
        try await connection.rows(
            "SELECT \(unescaped: Self.columns) FROM \(unescaped: Self.tables) WHERE p.name = \(name) ORDER BY a.code",
            as: Row.self,
            logger: logger
        ).map(Self.statement)
    }

    /// Records the agent's answer to a statement still waiting for one; false when there is no
    /// such statement of theirs waiting.
    public func answer(
        statementID: Int,
        agentID: Int,
        state: String,
        reason: String?,
        ticketCode: String?,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        try await connection.value(
            """
            UPDATE lottery_statements SET state = \(state), answered_at = now(), dispute_reason = \(reason),
                ticket_id = (SELECT id FROM tickets WHERE code = \(ticketCode))
            WHERE id = \(statementID) AND agent_id = \(agentID) AND state = 'waiting' RETURNING true
            """,
            as: Bool.self,
            logger: logger
        ) == true
    }
}
