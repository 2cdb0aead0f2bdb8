import CSV
import Crypto
import Foundation
import Logging
import LotterySettlement
import PGStore
import PostgresNIO
import ServiceLevels

/// The ERP's ledger file applied to the lottery module (E6): `portal-admin lottery import`,
/// `POST /api/v1/lottery/imports`. The file is applied whole, in one transaction, or not at all:
/// every problem in it is listed (`LedgerImportRefusal`). A row whose `erp_id` was imported
/// before with the same content is skipped, so importing a file twice changes nothing; the same id
/// with other content is a problem. Draw figures accumulate per agent and draw, and each changed
/// draw is settled again (`DrawSettlement`, at the agent's rate on the draw date) with only the
/// difference in its amount due booked to the ledger; the ledger's trigger keeps balances and
/// debts current in the same transaction.
public struct LedgerImport: Sendable {
    let database: Database
    private let ledger = LotteryLedgerStore()
    private let store = LotteryStore()
    private let statements = LotteryStatementStore()

    public init(database: Database) {
        self.database = database
    }

    public struct Outcome: Sendable, Equatable {
        public var applied: Int
        public var skipped: Int
    }

    public func run(file: some Collection<UInt8>, fileName: String, actor: String, tenant: Tenant, logger: Logger) async throws -> Outcome {
        let table: CSVTable
        do {
            table = try CSVTable(file)
            try table.requireHeader(LedgerImportRow.header)
        } catch {
            throw LedgerImportRefusal(error)
        }
        let (rows, rowProblems) = LedgerImportRow.read(table)
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            var problems = rowProblems
            let digests = rows.map(Self.digest)
            let before = try await ledger.importedDigests(rows.map(\.erpID), on: connection, logger: logger)
            var fresh: [(row: LedgerImportRow, digest: String)] = []
            for (row, digest) in zip(rows, digests) {
                switch before[row.erpID] {
                case nil: fresh.append((row, digest))
                case digest: continue
                default: problems.append(ImportProblem(line: row.line, column: "erp_id", reason: .otherContentBefore(row.erpID)))
                }
            }
            let closed = try await statements.closedPeriods(on: connection, logger: logger)
            for (row, _) in fresh {
                if let period = LotteryStatementStore.closedPeriod(containing: row.date.description, in: closed) {
                    problems.append(ImportProblem(line: row.line, column: "date", reason: .periodClosed(period)))
                }
            }
            let agents = try await ledger.agents(codes: Array(Set(fresh.map(\.row.agentCode))), on: connection, logger: logger)
            let products = try await ledger.products(codes: Array(Set(fresh.compactMap(\.row.product))), on: connection, logger: logger)
            for (row, _) in fresh {
                if let agent = agents[row.agentCode] {
                    if row.kind == .allocation, agent.blocked {
                        problems.append(ImportProblem(line: row.line, column: "agent_code", reason: .agentBlocked(row.agentCode)))
                    }
                } else {
                    problems.append(ImportProblem(line: row.line, column: "agent_code", reason: .unknownAgent(row.agentCode)))
                }
                if let product = row.product, products[product] == nil {
                    problems.append(ImportProblem(line: row.line, column: "product", reason: .unknownProduct(product)))
                }
            }
            guard problems.isEmpty else { throw LedgerImportRefusal(problems) }
            let settings = try await store.settings(on: connection, logger: logger)
            let book = try await Self.book(
                fresh.map(\.row),
                agents: agents,
                products: products,
                payoutFee: Rate(millionths: settings.payoutFeeMillionths) ?? .maximumPayoutFee,
                ledger: ledger,
                on: connection,
                logger: logger
            )
            try await ledger.saveAgentDraws(book.draws, on: connection, logger: logger)
            try await ledger.addTickets(book.tickets, on: connection, logger: logger)
            try await ledger.addEntries(book.entries, actor: actor, on: connection, logger: logger)
            _ = try await ledger.recordImport(
                fileName: fileName,
                actor: actor,
                applied: fresh.map { ($0.row.erpID, $0.digest) },
                skipped: rows.count - fresh.count,
                on: connection,
                logger: logger
            )
            return Outcome(applied: fresh.count, skipped: rows.count - fresh.count)
        }
    }

    /// What the rows come to: each touched (agent, draw) with its new figures and settlement, the
    /// tickets, and the ledger entries (each draw's change in amount due, payments, adjustments).
    private static func book(
        _ rows: [LedgerImportRow],
        agents: [String: LotteryLedgerStore.ImportAgent],
        products: [String: (id: Int, price: Int64)],
        payoutFee: Rate,
        ledger: LotteryLedgerStore,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (draws: [LotteryLedgerStore.AgentDraw], tickets: [LotteryLedgerStore.Ticket], entries: [LotteryLedgerStore.Entry]) {
        let drawRows = rows.filter(\.kind.isDrawFigure)
        let drawIDs = try await ledger.draws(
            products: drawRows.map { products[$0.product!]!.id },
            dates: drawRows.map(\.date.description),
            on: connection,
            logger: logger
        )
        func drawID(_ row: LedgerImportRow) -> Int { drawIDs[.init(product: products[row.product!]!.id, date: row.date.description)]! }
        let pairs = drawRows.map { (agents[$0.agentCode]!.id, drawID($0)) }
        var figures: [AgentDrawKey: LotteryLedgerStore.AgentDraw] = [:]
        for stored in try await ledger.agentDraws(agents: pairs.map(\.0), draws: pairs.map(\.1), on: connection, logger: logger) {
            figures[AgentDrawKey(agent: stored.agentID, draw: stored.drawID)] = stored
        }
        var tickets: [LotteryLedgerStore.Ticket] = []
        var entries: [LotteryLedgerStore.Entry] = []
        var touched: [AgentDrawKey: (line: Int, date: String, rates: [(from: String?, millionths: Int64)])] = [:]
        var problems: [ImportProblem] = []
        for row in rows {
            let agent = agents[row.agentCode]!
            guard row.kind.isDrawFigure else {
                entries.append(
                    .init(agentID: agent.id, kind: row.kind.rawValue, date: row.date.description, amount: row.amount!, drawID: 0, note: row.note)
                )
                continue
            }
            let draw = drawID(row)
            let key = AgentDrawKey(agent: agent.id, draw: draw)
            var figure = figures[key] ?? LotteryLedgerStore.AgentDraw(agentID: agent.id, drawID: draw)
            do {
                switch row.kind {
                case .allocation:
                    figure.allocated = try Checked.add(figure.allocated, row.tickets!)
                    figure.price = row.unitPrice ?? products[row.product!]!.price
                case .return: figure.returned = try Checked.add(figure.returned, row.tickets!)
                case .prizePaid: figure.prizesPaid = try Checked.add(figure.prizesPaid, row.amount!)
                case .winningTicket, .invalidTicket:
                    tickets.append(
                        .init(
                            agentID: agent.id,
                            drawID: draw,
                            winning: row.kind == .winningTicket,
                            number: row.ticketNumber!,
                            amount: row.amount ?? 0,
                            note: row.note
                        )
                    )
                case .payment, .adjustment: break
                }
            } catch {
                problems.append(ImportProblem(line: row.line, column: "", reason: .amountOverflow))
            }
            figures[key] = figure
            touched[key] = (row.line, row.date.description, agent.rates)
        }
        var draws: [LotteryLedgerStore.AgentDraw] = []
        for (key, place) in touched.sorted(by: { $0.value.line < $1.value.line }) {
            var figure = figures[key]!
            let rate = place.rates.last { $0.from == nil || $0.from! <= place.date }?.millionths ?? 0
            do {
                let settled = try DrawSettlement(
                    DrawFigures(allocated: figure.allocated, returned: figure.returned, price: figure.price, prizesPaid: figure.prizesPaid),
                    commissionRate: Rate(millionths: rate)!,
                    payoutFeeRate: payoutFee
                )
                let change = settled.amountDue - figure.amountDue
                (figure.revenue, figure.commission, figure.payoutFee, figure.amountDue) = (
                    settled.revenue, settled.commission, settled.payoutFee, settled.amountDue
                )
                draws.append(figure)
                if change != 0 {
                    entries.append(.init(agentID: figure.agentID, kind: "draw", date: place.date, amount: change, drawID: figure.drawID, note: ""))
                }
            } catch .returnsAboveAllocation(let returned, let allocated) {
                problems.append(
                    ImportProblem(line: place.line, column: "tickets", reason: .returnsAboveAllocation(returned: returned, allocated: allocated))
                )
            } catch {
                problems.append(ImportProblem(line: place.line, column: "", reason: .amountOverflow))
            }
        }
        guard problems.isEmpty else { throw LedgerImportRefusal(problems) }
        return (draws, tickets, entries)
    }

    /// One agent's figures for one draw, as the booking finds them again.
    private struct AgentDrawKey: Hashable {
        var agent: Int
        var draw: Int
    }

    /// SHA-256 of the row's cells as read: the same row again has the same digest.
    static func digest(_ row: LedgerImportRow) -> String {
        SHA256.hash(data: Data(row.cells.joined(separator: "\u{1F}").utf8)).hexDigits
    }
}
