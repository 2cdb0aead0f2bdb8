import Logging
import LotterySettlement
import PGStore
import ServiceLevels

/// `portal-admin lottery verify` (E6): every agent's balance and debts, as kept current by the
/// ledger's trigger, recomputed from the ledger's entries with `DebtLedger` (the same rule, in
/// Swift) and compared; each difference is reported, none means the figures agents see are the
/// ledger's.
public struct LotteryVerification: Sendable {
    let database: Database
    private let ledger = LotteryLedgerStore()

    public init(database: Database) {
        self.database = database
    }

    /// The agents checked and each difference found, in words an operator reads.
    public func run(tenant: Tenant, logger: Logger) async throws -> (agents: Int, differences: [String]) {
        let figures = try await database.reading(tenant.scope, logger: logger) { try await ledger.figuresToVerify(on: $0, logger: logger) }
        var differences: [String] = []
        for agent in figures {
            var nets: [LocalDate: Int64] = [:]
            for (date, net) in agent.entryNets { nets[LocalDate(date)!] = net }
            let expected = try DebtLedger(net: nets, paid: agent.entryPaid)
            if agent.balance != expected.balance {
                differences.append("\(agent.code): balance \(agent.balance), the entries give \(expected.balance)")
            }
            if agent.paid != agent.entryPaid {
                differences.append("\(agent.code): paid \(agent.paid), the entries give \(agent.entryPaid)")
            }
            let stored = Dictionary(uniqueKeysWithValues: agent.days.map { ($0.date, ($0.net, $0.paid)) })
            for day in expected.days {
                let date = day.date.description
                let (net, paid) = (nets[day.date]!, day.paid)
                guard let (storedNet, storedPaid) = stored[date] else {
                    differences.append("\(agent.code) \(date): no debt day stored, the entries give \(net)")
                    continue
                }
                if storedNet != net { differences.append("\(agent.code) \(date): net \(storedNet), the entries give \(net)") }
                if storedPaid != paid { differences.append("\(agent.code) \(date): paid \(storedPaid), oldest-first settlement gives \(paid)") }
            }
            for date in stored.keys where nets[LocalDate(date)!] == nil {
                differences.append("\(agent.code) \(date): a debt day stored that no entry gives")
            }
        }
        return (figures.count, differences)
    }
}
