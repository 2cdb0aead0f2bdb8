import Foundation
import Logging
import PostgresNIO

/// The lottery module's agents, products and rules (tenant `0030`). SQL only; runs in the
/// tenant's scope. The ledger and what feeds it are `LotteryLedgerStore`'s.
public struct LotteryStore: Sendable {
    public init() {}

    static let agentColumns = """
        a.id, a.code, a.name, a.phone, a.region,
        (SELECT r.millionths FROM lottery_commission_rates r WHERE r.agent_id = a.id AND r.effective_on <= current_date
         ORDER BY r.effective_on DESC, r.id DESC LIMIT 1),
        a.collateral, a.active, u.username, a.balance, a.paid, a.email
        """

    static func agent(_ row: (Int, String, String, String, String, Int64?, Int64, Bool, String, Int64, Int64, String?)) -> LotteryAgent {
        LotteryAgent(
            id: row.0,
            code: row.1,
            name: row.2,
            phone: row.3,
            region: row.4,
            commissionMillionths: row.5 ?? 0,
            collateral: row.6,
            active: row.7,
            username: row.8,
            balance: row.9,
            paid: row.10
        )
    }

    public func settings(on connection: PostgresConnection, logger: Logger) async throws -> LotterySettings {
        let (kind, fee, warning, limit) = try await connection.rows(
            "SELECT period_kind, payout_fee_millionths, warning_percent, limit_percent FROM lottery_settings",
            as: (String, Int64, Int, Int).self,
            logger: logger
        ).first!
        return LotterySettings(periodKind: kind, payoutFeeMillionths: fee, warningPercent: warning, limitPercent: limit)
    }

    /// Replaces the tenant's rules and records the change in its audit log (`action`, saying what
    /// they became).
    public func saveSettings(
        _ settings: LotterySettings,
        actor: String,
        action: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.query(
            """
            UPDATE lottery_settings SET period_kind = \(settings.periodKind), payout_fee_millionths = \(settings.payoutFeeMillionths),
                warning_percent = \(settings.warningPercent), limit_percent = \(settings.limitPercent)
            """,
            logger: logger
        )
        try await AuditLog.record(actor: actor, action: action, on: connection, logger: logger)
    }

    /// Stores a new agent with their first commission rate (counting from the start) and collateral;
    /// their id. `portalUserID` is their account, made in the same transaction.
    public func createAgent(
        code: String,
        name: String,
        phone: String,
        email: String?,
        region: String,
        commissionMillionths: Int64,
        collateral: Int64,
        portalUserID: Int,
        actor: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int {
        try await connection.value(
            """
            WITH agent AS (
                INSERT INTO lottery_agents (code, name, phone, email, region, collateral, portal_user_id)
                VALUES (\(code), \(name), \(phone), \(email), \(region), \(collateral), \(portalUserID)) RETURNING id
            ), rate AS (
                INSERT INTO lottery_commission_rates (agent_id, effective_on, millionths, actor)
                SELECT id, '-infinity', \(commissionMillionths), \(actor) FROM agent
            ), pledge AS (
                INSERT INTO lottery_collateral_changes (agent_id, amount, actor) SELECT id, \(collateral), \(actor) FROM agent
            )
            SELECT id FROM agent
            """,
            as: Int.self,
            logger: logger
        )!
    }

    /// Every agent, by code; or those of one region.
    public func agents(region: String? = nil, on connection: PostgresConnection, logger: Logger) async throws -> [LotteryAgent] {
        try await connection.rows(
            """
            SELECT \(unescaped: Self.agentColumns) FROM lottery_agents a JOIN portal_users u ON u.id = a.portal_user_id
            WHERE CAST(\(region) AS text) IS NULL OR a.region = \(region) ORDER BY a.code
            """,
            as: (Int, String, String, String, String, Int64?, Int64, Bool, String, Int64, Int64, String?).self,
            logger: logger
        ).map(Self.agent)
    }

    public func agent(code: String, on connection: PostgresConnection, logger: Logger) async throws -> LotteryAgent? {
        try await connection.rows(
            """
            SELECT \(unescaped: Self.agentColumns) FROM lottery_agents a JOIN portal_users u ON u.id = a.portal_user_id
            WHERE a.code = \(code)
            """,
            as: (Int, String, String, String, String, Int64?, Int64, Bool, String, Int64, Int64, String?).self,
            logger: logger
        ).first.map(Self.agent)
    }

    /// The agent whose portal account is `portalUserID`: what an agent signed in may see of.
    public func agent(portalUserID: Int, on connection: PostgresConnection, logger: Logger) async throws -> LotteryAgent? {
        try await connection.rows(
            """
            SELECT \(unescaped: Self.agentColumns) FROM lottery_agents a JOIN portal_users u ON u.id = a.portal_user_id
            WHERE a.portal_user_id = \(portalUserID)
            """,
            as: (Int, String, String, String, String, Int64?, Int64, Bool, String, Int64, Int64, String?).self,
            logger: logger
        ).first.map(Self.agent)
    }

    public func change(agentID: Int, _ change: LotteryAgentChange, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.perform(
            """
            UPDATE lottery_agents SET name = coalesce(\(change.name), name), phone = coalesce(\(change.phone), phone),
                email = coalesce(\(change.email), email),
                region = coalesce(\(change.region), region), active = coalesce(\(change.active), active)
            WHERE id = \(agentID)
            """,
            logger: logger
        )
    }

    /// A new commission rate from `day` (YYYY-MM-DD) on.
    public func setCommission(
        agentID: Int,
        millionths: Int64,
        from day: String,
        actor: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.perform(
            """
            INSERT INTO lottery_commission_rates (agent_id, effective_on, millionths, actor)
            VALUES (\(agentID), CAST(\(day) AS date), \(millionths), \(actor))
            """,
            logger: logger
        )
    }

    /// A new collateral amount, kept in its history with the reason.
    public func setCollateral(
        agentID: Int,
        amount: Int64,
        reason: String,
        actor: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.perform(
            """
            WITH change AS (
                INSERT INTO lottery_collateral_changes (agent_id, amount, reason, actor) VALUES (\(agentID), \(amount), \(reason), \(actor))
            )
            UPDATE lottery_agents SET collateral = \(amount) WHERE id = \(agentID)
            """,
            logger: logger
        )
    }

    /// Creates the product, or sets its name and price; its id.
    public func saveProduct(code: String, name: String, price: Int64, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.value(
            """
            INSERT INTO lottery_products (code, name, price) VALUES (\(code), \(name), \(price))
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, price = EXCLUDED.price RETURNING id
            """,
            as: Int.self,
            logger: logger
        )!
    }

    public func products(on connection: PostgresConnection, logger: Logger) async throws -> [LotteryProduct] {
        try await connection.rows(
            "SELECT id, code, name, price FROM lottery_products ORDER BY code",
            as: (Int, String, String, Int64).self,
            logger: logger
        )
        .map { LotteryProduct(id: $0, code: $1, name: $2, price: $3) }
    }
}

extension LotteryStore {
    /// Each agent's oldest draw date with debt left (YYYY-MM-DD), for the agents list's debt age.
    public func oldestDebts(on connection: PostgresConnection, logger: Logger) async throws -> [Int: String] {
        var oldest: [Int: String] = [:]
        for (agent, day) in try await connection.rows(
            "SELECT agent_id, min(debt_date)::text FROM lottery_debt_days WHERE greatest(net, 0) > paid GROUP BY agent_id",
            as: (Int, String).self,
            logger: logger
        ) { oldest[agent] = day }
        return oldest
    }

    /// The agent's collateral history, newest first: (amount, reason, who, when).
    public func collateralHistory(
        agentID: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [(
        amount: Int64, reason: String, actor: String, at: Date
    )] {
        try await connection.rows(
            "SELECT amount, reason, actor, recorded_at FROM lottery_collateral_changes WHERE agent_id = \(agentID) ORDER BY id DESC",
            as: (Int64, String, String, Date).self,
            logger: logger
        ).map { ($0, $1, $2, $3) }
    }
}
