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

    /// A closed period's statements, for staff.
    public func statements(ofPeriod name: String, tenant: Tenant, logger: Logger) async throws -> [LotteryStatement] {
        guard let period = DebtPeriod(name.trimmed) else { throw LotteryRefusal.invalid("period", .periodName(name)) }
        return try await database.reading(tenant.scope, logger: logger) {
            try await statements.statements(period: period.description, on: $0, logger: logger)
        }
    }
}
