import Logging
import LotterySettlement
import PGStore
import PostgresNIO
import ServiceLevels

/// What a signed-in agent sees of their own figures (E1, E2, E4), and nothing of anyone else's:
/// every read starts from the agent the portal account belongs to.
public struct AgentFigures: Sendable {
    let database: Database
    /// The tenant's rules, which every read needs: kept in memory (`LotteryRules.memo`).
    let rules: TenantMemo<LotterySettings>
    private let store = LotteryStore()
    private let ledger = LotteryLedgerStore()

    init(database: Database, rules: TenantMemo<LotterySettings>) {
        self.database = database
        self.rules = rules
    }

    public struct Summary: Sendable {
        public var agent: LotteryAgent
        /// Balance as a percentage of collateral, rounded down; nil without collateral.
        public var ratioPercent: Int64?
        public var warning: Bool
        public var blocked: Bool
        public var period: DebtPeriod
        public var periodRevenue: Int64
        public var periodCommission: Int64
    }

    public struct Debts: Sendable {
        public var periods: [(period: DebtPeriod, due: Int64, paid: Int64)]
        public var ageing: [DebtAge: Int64]
        public var balance: Int64
        public var credit: Int64
    }

    public func summary(for whose: AgentSelector, tenant: Tenant, logger: Logger) async throws -> Summary {
        try await database.reading(tenant.scope, logger: logger) { connection in
            let agent = try await agent(whose, on: connection, logger: logger)
            let settings = try await rules.value(of: tenant, on: connection, logger: logger)
            let period = DebtPeriod(containing: tenant.today(), kind: DebtPeriod.Kind(rawValue: settings.periodKind) ?? .week)
            let totals = try await ledger.drawTotals(
                agentID: agent.id,
                from: period.start.description,
                to: period.end.description,
                on: connection,
                logger: logger
            )
            return Summary(
                agent: agent,
                ratioPercent: CollateralRatio.percent(balance: agent.balance, collateral: agent.collateral),
                warning: CollateralRatio.isOver(balance: agent.balance, collateral: agent.collateral, limitPercent: settings.warningPercent),
                blocked: CollateralRatio.isOver(balance: agent.balance, collateral: agent.collateral, limitPercent: settings.limitPercent),
                period: period,
                periodRevenue: totals.revenue,
                periodCommission: totals.commission
            )
        }
    }

    public func debts(for whose: AgentSelector, tenant: Tenant, logger: Logger) async throws -> Debts {
        try await database.reading(tenant.scope, logger: logger) { connection in
            let agent = try await agent(whose, on: connection, logger: logger)
            let kind = DebtPeriod.Kind(rawValue: try await rules.value(of: tenant, on: connection, logger: logger).periodKind) ?? .week
            // Summed in PostgreSQL from the days' paid parts the ledger's trigger keeps (the same
            // rule as `DebtLedger`, which `lottery verify` checks them against).
            let summary = try await ledger.debtSummary(
                agentID: agent.id,
                kind: kind.rawValue,
                today: tenant.today().description,
                on: connection,
                logger: logger
            )
            return Debts(
                periods: summary.periods.map { (DebtPeriod(containing: LocalDate($0.start)!, kind: kind), $0.due, $0.paid) },
                ageing: Dictionary(uniqueKeysWithValues: summary.ageing.compactMap { key, amount in DebtAge(rawValue: key).map { ($0, amount) } }),
                balance: agent.balance,
                credit: agent.paid + summary.credit
            )
        }
    }

    /// The agent's draws from `from` to `to` (default: the last 31 days), newest first.
    public func draws(
        for whose: AgentSelector,
        from: String?,
        to: String?,
        tenant: Tenant,
        logger: Logger
    ) async throws -> [LotteryLedgerStore.DrawStatement] {
        let today = tenant.today()
        func day(_ text: String?, field: String, default fallback: LocalDate) throws(PortalError) -> LocalDate {
            guard let text else { return fallback }
            guard let day = LocalDate(text) else { throw .invalid(field: field, .invalidDate(text)) }
            return day
        }
        let (first, last) = (try day(from, field: "from", default: today.adding(days: -31)), try day(to, field: "to", default: today))
        return try await database.reading(tenant.scope, logger: logger) { connection in
            let agent = try await agent(whose, on: connection, logger: logger)
            return try await ledger.draws(
                agentID: agent.id,
                from: first.description,
                to: last.description,
                limit: 500,
                on: connection,
                logger: logger
            )
        }
    }

    /// The agent's payments, newest first, each with its debt period.
    public func payments(
        for whose: AgentSelector,
        tenant: Tenant,
        logger: Logger
    ) async throws -> [(
        date: LocalDate, period: DebtPeriod, amount: Int64, method: String
    )] {
        try await movements(for: whose, tenant: tenant, logger: logger).filter { $0.kind == "payment" }.map {
            ($0.date, $0.period, $0.amount, $0.note)
        }
    }

    /// The agent's payments and adjustments, newest first: kind, date, its period, amount, note.
    public func movements(
        for whose: AgentSelector,
        tenant: Tenant,
        logger: Logger
    ) async throws -> [(
        kind: String, date: LocalDate, period: DebtPeriod, amount: Int64, note: String
    )] {
        try await database.reading(tenant.scope, logger: logger) { connection in
            let agent = try await agent(whose, on: connection, logger: logger)
            let kind = DebtPeriod.Kind(rawValue: try await rules.value(of: tenant, on: connection, logger: logger).periodKind) ?? .week
            return try await ledger.movements(agentID: agent.id, limit: 1000, on: connection, logger: logger).map { movement in
                let date = LocalDate(movement.date)!
                return (movement.kind, date, DebtPeriod(containing: date, kind: kind), movement.amount, movement.note)
            }
        }
    }

    private func agent(_ whose: AgentSelector, on connection: PostgresConnection, logger: Logger) async throws -> LotteryAgent {
        switch whose {
        case .signedIn(let principal):
            return try await LotteryStatements.own(principal, store: store, on: connection, logger: logger)
        case .code(let code, let staff):
            try RequestDesk.requireStaff(staff)
            guard let code = LotteryInput.code(code), let agent = try await store.agent(code: code, on: connection, logger: logger) else {
                throw LotteryRefusal.agentNotFound
            }
            return agent
        }
    }
}

/// Whose figures: the signed-in agent's own, or, for a staff member, the agent with a code.
public enum AgentSelector: Sendable {
    case signedIn(Principal)
    case code(String, staff: Principal)
}
