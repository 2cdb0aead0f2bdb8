import Logging
import LotterySettlement
import PGStore
import ServiceLevels

/// Closing debt periods (E5): staff close a period that is over (`portal-admin lottery
/// close-period`, the API), which makes one statement per agent with activity in it; from then on
/// no entry may be dated in it.
public struct LotteryPeriods: Sendable {
    let database: Database
    private let store = LotteryStore()
    private let statements = LotteryStatementStore()

    public init(database: Database) {
        self.database = database
    }

    /// Closes the period named `name` (`2026-W49`, `2026-12`); the number of statements made.
    public func close(_ name: String, actor: String, tenant: Tenant, logger: Logger) async throws -> Int {
        guard let period = DebtPeriod(name.trimmed) else { throw LotteryRefusal.invalid("period", .periodName(name)) }
        guard period.end < tenant.today() else { throw LotteryRefusal.conflict("period_not_over", .periodNotOver(period.description)) }
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            let kind = try await store.settings(on: connection, logger: logger).periodKind
            guard period.kind.rawValue == kind else { throw LotteryRefusal.invalid("period", .periodKind(period.description, kind: kind)) }
            guard
                let made = try await statements.close(
                    name: period.description,
                    start: period.start.description,
                    end: period.end.description,
                    actor: actor,
                    on: connection,
                    logger: logger
                )
            else { throw LotteryRefusal.conflict("period_closed", .periodClosed(period.description)) }
            return made
        }
    }

    /// What the workspace's periods page shows: the tenant's rules, the latest closed periods
    /// (newest first) with their statements' states, and the period to close next: the last one
    /// that is over, unless it is closed already.
    public func overview(
        tenant: Tenant,
        logger: Logger
    ) async throws -> (rules: LotterySettings, closed: [ClosedPeriod], next: DebtPeriod?) {
        try await database.reading(tenant.scope, logger: logger) { connection in
            let rules = try await store.settings(on: connection, logger: logger)
            let closed = try await statements.periodOverview(limit: 24, on: connection, logger: logger)
            let kind = DebtPeriod.Kind(rawValue: rules.periodKind) ?? .week
            let last = DebtPeriod(containing: DebtPeriod(containing: tenant.today(), kind: kind).start.adding(days: -1), kind: kind)
            return (rules, closed, closed.contains { $0.name == last.description } ? nil : last)
        }
    }

    /// A closed period's statements, for staff; a period not closed is not found.
    public func statements(ofPeriod name: String, tenant: Tenant, logger: Logger) async throws -> [LotteryStatement] {
        guard let period = DebtPeriod(name.trimmed) else { throw LotteryRefusal.invalid("period", .periodName(name)) }
        return try await database.reading(tenant.scope, logger: logger) { connection in
            guard try await statements.closedPeriods(on: connection, logger: logger).contains(where: { $0.name == period.description }) else {
                throw LotteryRefusal.periodNotClosed(period.description)
            }
            return try await statements.statements(period: period.description, on: connection, logger: logger)
        }
    }
}
