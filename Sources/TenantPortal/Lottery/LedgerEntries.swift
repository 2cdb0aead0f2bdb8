import Logging
import LotterySettlement
import PGStore
import ServiceLevels

/// Payments and adjustments staff record by hand on an agent's page (E6): each is a new ledger
/// entry with its reason and who made it, never an edit; a date in a closed period is refused
/// (a correction goes into an open one).
public struct LedgerEntries: Sendable {
    let database: Database
    private let store = LotteryStore()
    private let ledger = LotteryLedgerStore()
    private let statements = LotteryStatementStore()

    public init(database: Database) {
        self.database = database
    }

    public enum Kind: String, Sendable {
        case payment, adjustment
    }

    /// Records a payment (`amount` whole đồng, more than 0) or an adjustment (signed, not 0) for
    /// agent `code` on `date` (default today), with `reason` (a payment's method).
    public func record(
        _ kind: Kind,
        agent code: String,
        date: String?,
        amount text: String?,
        reason: String?,
        actor: String,
        tenant: Tenant,
        logger: Logger
    ) async throws {
        let reason = try TextInput.required(reason, field: "reason", limit: 500)
        let day =
            try date.flatMap { $0.isEmpty ? nil : $0 }.map { text throws(PortalError) in
                guard let day = LocalDate(text) else { throw .invalid(field: "date", .invalidDate(text)) }
                return day
            } ?? tenant.today()
        let typed = (text ?? "").trimmed
        let negative = kind == .adjustment && typed.hasPrefix("-")
        let magnitude = try LotteryInput.amount(negative ? String(typed.dropFirst()) : typed, field: "amount")
        guard magnitude > 0 else { throw LotteryRefusal.invalid("amount", .amount(typed)) }
        let amount = negative ? -magnitude : magnitude
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let code = LotteryInput.code(code), let agent = try await store.agent(code: code, on: connection, logger: logger) else {
                throw LotteryRefusal.agentNotFound
            }
            let dayText = day.description
            let closed = try await statements.closedPeriods(on: connection, logger: logger)
            if let period = LotteryStatementStore.closedPeriod(containing: dayText, in: closed) {
                throw LotteryRefusal.invalid("date", .periodClosed(period))
            }
            try await ledger.addEntries(
                [.init(agentID: agent.id, kind: kind.rawValue, date: dayText, amount: amount, drawID: 0, note: reason)],
                actor: actor,
                on: connection,
                logger: logger
            )
        }
    }
}
