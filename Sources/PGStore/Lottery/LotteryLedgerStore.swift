import Foundation
import Logging
import PostgresNIO

/// What the ledger import reads and writes (tenant `0030`): set-based, one statement per table
/// whatever the file's size, so a hundred thousand rows cost a handful of round trips. SQL only;
/// runs in the tenant's scope, inside the import's one transaction.
public struct LotteryLedgerStore: Sendable {
    public init() {}

    /// An agent as the import needs them: their id, whether new allocations are blocked (debt over
    /// the tenant's limit of collateral), and their commission rates as (first day or nil for
    /// "from the start", millionths), oldest first.
    public struct ImportAgent: Sendable {
        public var id: Int
        public var blocked: Bool
        public var rates: [(from: String?, millionths: Int64)]
    }

    public func agents(codes: [String], on connection: PostgresConnection, logger: Logger) async throws -> [String: ImportAgent] {
        var agents: [String: ImportAgent] = [:]
        for (id, code, blocked, days, rates) in try await connection.rows(
            """
            SELECT a.id, a.code, a.balance * 100 > a.collateral * s.limit_percent,
                   array_agg(CASE WHEN isfinite(r.effective_on) THEN r.effective_on::text ELSE '' END ORDER BY r.effective_on, r.id),
                   array_agg(r.millionths ORDER BY r.effective_on, r.id)
            FROM lottery_agents a CROSS JOIN lottery_settings s JOIN lottery_commission_rates r ON r.agent_id = a.id
            WHERE a.code = ANY(\(codes))
            GROUP BY a.id, a.code, s.limit_percent
            """,
            as: (Int, String, Bool, [String], [Int64]).self,
            logger: logger
        ) {
            agents[code] = ImportAgent(id: id, blocked: blocked, rates: zip(days, rates).map { ($0.isEmpty ? nil : $0, $1) })
        }
        return agents
    }

    public func products(codes: [String], on connection: PostgresConnection, logger: Logger) async throws -> [String: (id: Int, price: Int64)] {
        var products: [String: (id: Int, price: Int64)] = [:]
        for (id, code, price) in try await connection.rows(
            "SELECT id, code, price FROM lottery_products WHERE code = ANY(\(codes))",
            as: (Int, String, Int64).self,
            logger: logger
        ) { products[code] = (id, price) }
        return products
    }

    /// The digest (hexadecimal) each of `erpIDs` was imported with, for those imported before.
    public func importedDigests(_ erpIDs: [String], on connection: PostgresConnection, logger: Logger) async throws -> [String: String] {
        var digests: [String: String] = [:]
        for (id, digest) in try await connection.rows(
            "SELECT erp_id, encode(content_sha256, 'hex') FROM lottery_imported_rows WHERE erp_id = ANY(\(erpIDs))",
            as: (String, String).self,
            logger: logger
        ) { digests[id] = digest }
        return digests
    }

    /// A product's draw on a day (`YYYY-MM-DD`).
    public struct ProductDay: Hashable, Sendable {
        public var product: Int
        public var date: String

        public init(product: Int, date: String) {
            self.product = product
            self.date = date
        }
    }

    /// The draws of each (product, date), made when missing; their ids.
    public func draws(products: [Int], dates: [String], on connection: PostgresConnection, logger: Logger) async throws -> [ProductDay: Int] {
        try await connection.perform(
            """
            INSERT INTO lottery_draws (product_id, draw_date)
            SELECT DISTINCT p, CAST(d AS date) FROM unnest(\(products)::bigint[], \(dates)::text[]) AS pairs (p, d)
            ON CONFLICT (product_id, draw_date) DO NOTHING
            """,
            logger: logger
        )
        var ids: [ProductDay: Int] = [:]
        for (id, product, date) in try await connection.rows(
            """
            SELECT dr.id, dr.product_id, dr.draw_date::text FROM lottery_draws dr
            JOIN (SELECT DISTINCT p, CAST(d AS date) AS d FROM unnest(\(products)::bigint[], \(dates)::text[]) AS pairs (p, d)) AS wanted
              ON dr.product_id = wanted.p AND dr.draw_date = wanted.d
            """,
            as: (Int, Int, String).self,
            logger: logger
        ) { ids[ProductDay(product: product, date: date)] = id }
        return ids
    }

    /// One agent's figures for one draw and the settlement booked for them.
    public struct AgentDraw: Sendable, Equatable {
        public var agentID: Int
        public var drawID: Int
        public var allocated: Int64
        public var price: Int64
        public var returned: Int64
        public var prizesPaid: Int64
        public var revenue: Int64
        public var commission: Int64
        public var payoutFee: Int64
        public var amountDue: Int64

        public init(
            agentID: Int,
            drawID: Int,
            allocated: Int64 = 0,
            price: Int64 = 0,
            returned: Int64 = 0,
            prizesPaid: Int64 = 0,
            revenue: Int64 = 0,
            commission: Int64 = 0,
            payoutFee: Int64 = 0,
            amountDue: Int64 = 0
        ) {
            self.agentID = agentID
            self.drawID = drawID
            self.allocated = allocated
            self.price = price
            self.returned = returned
            self.prizesPaid = prizesPaid
            self.revenue = revenue
            self.commission = commission
            self.payoutFee = payoutFee
            self.amountDue = amountDue
        }
    }

    /// The stored figures of the (agent, draw) pairs given, locked until the transaction ends.
    public func agentDraws(agents: [Int], draws: [Int], on connection: PostgresConnection, logger: Logger) async throws -> [AgentDraw] {
        try await connection.rows(
            """
            SELECT d.agent_id, d.draw_id, d.allocated, d.price, d.returned, d.prizes_paid, d.revenue, d.commission, d.payout_fee, d.amount_due
            FROM lottery_agent_draws d JOIN unnest(\(agents)::bigint[], \(draws)::bigint[]) AS pairs (a, dr)
              ON d.agent_id = pairs.a AND d.draw_id = pairs.dr
            FOR UPDATE OF d
            """,
            as: (Int, Int, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64).self,
            logger: logger
        ).map {
            AgentDraw(
                agentID: $0,
                drawID: $1,
                allocated: $2,
                price: $3,
                returned: $4,
                prizesPaid: $5,
                revenue: $6,
                commission: $7,
                payoutFee: $8,
                amountDue: $9
            )
        }
    }

    /// Stores the figures and settlements given, new or changed.
    public func saveAgentDraws(_ rows: [AgentDraw], on connection: PostgresConnection, logger: Logger) async throws {
        guard !rows.isEmpty else { return }
        try await connection.perform(
            """
            INSERT INTO lottery_agent_draws (agent_id, draw_id, allocated, price, returned, prizes_paid, revenue, commission, payout_fee, amount_due)
            SELECT * FROM unnest(\(rows.map(\.agentID))::bigint[], \(rows.map(\.drawID))::bigint[], \(rows.map(\.allocated))::bigint[],
                \(rows.map(\.price))::bigint[], \(rows.map(\.returned))::bigint[], \(rows.map(\.prizesPaid))::bigint[], \(rows.map(\.revenue))::bigint[],
                \(rows.map(\.commission))::bigint[], \(rows.map(\.payoutFee))::bigint[], \(rows.map(\.amountDue))::bigint[])
            ON CONFLICT (agent_id, draw_id) DO UPDATE SET allocated = EXCLUDED.allocated, price = EXCLUDED.price, returned = EXCLUDED.returned,
                prizes_paid = EXCLUDED.prizes_paid, revenue = EXCLUDED.revenue, commission = EXCLUDED.commission,
                payout_fee = EXCLUDED.payout_fee, amount_due = EXCLUDED.amount_due
            """,
            logger: logger
        )
    }

    /// A winning or invalid ticket to store.
    public struct Ticket: Sendable {
        public var agentID: Int
        public var drawID: Int
        public var winning: Bool
        public var number: String
        public var amount: Int64
        public var note: String

        public init(agentID: Int, drawID: Int, winning: Bool, number: String, amount: Int64, note: String) {
            self.agentID = agentID
            self.drawID = drawID
            self.winning = winning
            self.number = number
            self.amount = amount
            self.note = note
        }
    }

    public func addTickets(_ tickets: [Ticket], on connection: PostgresConnection, logger: Logger) async throws {
        guard !tickets.isEmpty else { return }
        try await connection.perform(
            """
            INSERT INTO lottery_tickets (agent_id, draw_id, kind, ticket_no, amount, note)
            SELECT a, d, CASE WHEN w THEN 'winning' ELSE 'invalid' END, n, CASE WHEN w THEN m END, t
            FROM unnest(\(tickets.map(\.agentID))::bigint[], \(tickets.map(\.drawID))::bigint[], \(tickets.map(\.winning))::boolean[],
                \(tickets.map(\.number))::text[], \(tickets.map(\.amount))::bigint[], \(tickets.map(\.note))::text[]) AS x (a, d, w, n, m, t)
            """,
            logger: logger
        )
    }

    /// A ledger entry to add: `drawID` 0 for a payment or an adjustment.
    public struct Entry: Sendable {
        public var agentID: Int
        public var kind: String
        public var date: String
        public var amount: Int64
        public var drawID: Int
        public var note: String

        public init(agentID: Int, kind: String, date: String, amount: Int64, drawID: Int, note: String) {
            self.agentID = agentID
            self.kind = kind
            self.date = date
            self.amount = amount
            self.drawID = drawID
            self.note = note
        }
    }

    /// Adds the entries in one statement: the ledger's trigger brings every balance and debt day
    /// of their agents up to date before it returns (functions/lottery.sql).
    public func addEntries(_ entries: [Entry], actor: String, on connection: PostgresConnection, logger: Logger) async throws {
        guard !entries.isEmpty else { return }
        try await connection.perform(
            """
            INSERT INTO lottery_ledger (agent_id, kind, entry_date, amount, draw_id, note, actor)
            SELECT a, k, CAST(d AS date), m, NULLIF(dr, 0), n, \(actor)
            FROM unnest(\(entries.map(\.agentID))::bigint[], \(entries.map(\.kind))::text[], \(entries.map(\.date))::text[],
                \(entries.map(\.amount))::bigint[], \(entries.map(\.drawID))::bigint[], \(entries.map(\.note))::text[]) AS x (a, k, d, m, dr, n)
            """,
            logger: logger
        )
    }

    /// Records the import and the rows it applied, by `erp_id` and digest (hexadecimal); its id.
    public func recordImport(
        fileName: String,
        actor: String,
        applied: [(erpID: String, digest: String)],
        skipped: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int {
        try await connection.value(
            """
            WITH run AS (
                INSERT INTO lottery_imports (file_name, actor, applied, skipped) VALUES (\(fileName), \(actor), \(applied.count), \(skipped))
                RETURNING id
            ), rows AS (
                INSERT INTO lottery_imported_rows (erp_id, content_sha256, import_id)
                SELECT e, decode(h, 'hex'), run.id FROM run, unnest(\(applied.map(\.erpID))::text[], \(applied.map(\.digest))::text[]) AS x (e, h)
            )
            SELECT id FROM run
            """,
            as: Int.self,
            logger: logger
        )!
    }
}

extension LotteryLedgerStore {
    /// An agent's debts as the ledger's trigger keeps them (E2), summed here: each period's due and
    /// paid (by its first day; `kind` is `week` or `month`), what is left by the age of its draw
    /// date on `today` (`0-7`, `8-30`, `31-60`, `61+`), and the credit the days' settlement left
    /// besides the payments (every day that came to less than nothing, less what settled days).
    public func debtSummary(
        agentID: Int,
        kind: String,
        today: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (periods: [(start: String, due: Int64, paid: Int64)], ageing: [String: Int64], credit: Int64) {
        var summary: (periods: [(start: String, due: Int64, paid: Int64)], ageing: [String: Int64], credit: Int64) = ([], [:], 0)
        for (part, key, amount, paid) in try await connection.rows(
            """
            WITH days AS (
                SELECT debt_date, greatest(net, 0) AS due, paid, greatest(-net, 0) AS credit, CAST(\(today) AS date) - debt_date AS age
                FROM lottery_debt_days WHERE agent_id = \(agentID)
            )
            SELECT 'period', date_trunc(\(kind), debt_date::timestamp)::date::text, sum(due)::bigint, sum(paid)::bigint FROM days GROUP BY 2
            UNION ALL
            SELECT 'age', CASE WHEN age <= 7 THEN '0-7' WHEN age <= 30 THEN '8-30' WHEN age <= 60 THEN '31-60' ELSE '61+' END,
                   sum(due - paid)::bigint, 0 FROM days WHERE due > paid GROUP BY 2
            UNION ALL
            SELECT 'credit', '', (coalesce(sum(credit), 0) - coalesce(sum(paid), 0))::bigint, 0 FROM days
            ORDER BY 1, 2
            """,
            as: (String, String, Int64, Int64).self,
            logger: logger
        ) {
            switch part {
            case "period": summary.periods.append((key, amount, paid))
            case "age": summary.ageing[key] = amount
            default: summary.credit = amount
            }
        }
        return summary
    }

    /// An agent's figures as kept current and as the ledger's entries give them, for `lottery
    /// verify`: stored balance and paid, stored (date, net, paid) days, and from the entries each
    /// date's net and the payments' sum.
    public struct AgentFigures: Sendable {
        public var code: String
        public var balance: Int64
        public var paid: Int64
        public var days: [(date: String, net: Int64, paid: Int64)]
        public var entryNets: [(date: String, net: Int64)]
        public var entryPaid: Int64
    }

    public func figuresToVerify(on connection: PostgresConnection, logger: Logger) async throws -> [AgentFigures] {
        var agents: [Int: AgentFigures] = [:]
        var order: [Int] = []
        for (id, code, balance, paid) in try await connection.rows(
            "SELECT id, code, balance, paid FROM lottery_agents ORDER BY code",
            as: (Int, String, Int64, Int64).self,
            logger: logger
        ) {
            agents[id] = AgentFigures(code: code, balance: balance, paid: paid, days: [], entryNets: [], entryPaid: 0)
            order.append(id)
        }
        for (id, date, net, paid) in try await connection.rows(
            "SELECT agent_id, debt_date::text, net, paid FROM lottery_debt_days ORDER BY agent_id, debt_date",
            as: (Int, String, Int64, Int64).self,
            logger: logger
        ) { agents[id]?.days.append((date, net, paid)) }
        for (id, date, owes, net, paid) in try await connection.rows(
            """
            SELECT agent_id, entry_date::text, count(*) FILTER (WHERE kind <> 'payment') > 0,
                   coalesce(sum(amount) FILTER (WHERE kind <> 'payment'), 0)::bigint,
                   coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0)::bigint
            FROM lottery_ledger GROUP BY agent_id, entry_date ORDER BY agent_id, entry_date
            """,
            as: (Int, String, Bool, Int64, Int64).self,
            logger: logger
        ) {
            if owes { agents[id]?.entryNets.append((date, net)) }
            agents[id]?.entryPaid += paid
        }
        return order.compactMap { agents[$0] }
    }
}

extension LotteryLedgerStore {
    /// What an agent's draws from `from` to `to` (YYYY-MM-DD, both included) came to: revenue and
    /// commission.
    public func drawTotals(
        agentID: Int,
        from: String,
        to: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (revenue: Int64, commission: Int64) {
        try await connection.rows(
            """
            SELECT coalesce(sum(d.revenue), 0)::bigint, coalesce(sum(d.commission), 0)::bigint
            FROM lottery_agent_draws d JOIN lottery_draws dr ON dr.id = d.draw_id
            WHERE d.agent_id = \(agentID) AND dr.draw_date BETWEEN CAST(\(from) AS date) AND CAST(\(to) AS date)
            """,
            as: (Int64, Int64).self,
            logger: logger
        ).first.map { ($0, $1) } ?? (0, 0)
    }
}

extension LotteryLedgerStore {
    /// One draw as an agent sees it: the figures and their settlement, with its winning and invalid
    /// tickets.
    public struct DrawStatement: Sendable, Equatable {
        public var date: String
        public var product: String
        public var figures: AgentDraw
        public var tickets: [(number: String, amount: Int64?, note: String)]

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.date == rhs.date && lhs.product == rhs.product && lhs.figures == rhs.figures
                && lhs.tickets.map(\.number) == rhs.tickets.map(\.number)
        }
    }

    /// The agent's draws from `from` to `to` (YYYY-MM-DD, included), newest first, at most `limit`.
    public func draws(
        agentID: Int,
        from: String,
        to: String,
        limit: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [DrawStatement] {
        try await connection.rows(
            """
            SELECT dr.draw_date::text, p.code, d.draw_id, d.allocated, d.price, d.returned, d.prizes_paid, d.revenue, d.commission,
                   d.payout_fee, d.amount_due,
                   coalesce((SELECT array_agg(t.ticket_no ORDER BY t.id) FROM lottery_tickets t WHERE t.agent_id = d.agent_id AND t.draw_id = d.draw_id), '{}'),
                   coalesce((SELECT array_agg(coalesce(t.amount, -1) ORDER BY t.id) FROM lottery_tickets t WHERE t.agent_id = d.agent_id AND t.draw_id = d.draw_id), '{}'),
                   coalesce((SELECT array_agg(t.note ORDER BY t.id) FROM lottery_tickets t WHERE t.agent_id = d.agent_id AND t.draw_id = d.draw_id), '{}')
            FROM lottery_agent_draws d JOIN lottery_draws dr ON dr.id = d.draw_id JOIN lottery_products p ON p.id = dr.product_id
            WHERE d.agent_id = \(agentID) AND dr.draw_date BETWEEN CAST(\(from) AS date) AND CAST(\(to) AS date)
            ORDER BY dr.draw_date DESC, p.code LIMIT \(limit)
            """,
            as: (String, String, Int, Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64, [String], [Int64], [String]).self,
            logger: logger
        ).map { row in
            DrawStatement(
                date: row.0,
                product: row.1,
                figures: AgentDraw(
                    agentID: agentID,
                    drawID: row.2,
                    allocated: row.3,
                    price: row.4,
                    returned: row.5,
                    prizesPaid: row.6,
                    revenue: row.7,
                    commission: row.8,
                    payoutFee: row.9,
                    amountDue: row.10
                ),
                tickets: zip(row.11, zip(row.12, row.13)).map { ($0, $1.0 < 0 ? nil : $1.0, $1.1) }
            )
        }
    }

    /// The agent's payments and adjustments, newest first: (kind, date, amount, note).
    public func movements(
        agentID: Int,
        limit: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [(
        kind: String, date: String, amount: Int64, note: String
    )] {
        try await connection.rows(
            """
            SELECT kind, entry_date::text, amount, note FROM lottery_ledger
            WHERE agent_id = \(agentID) AND kind <> 'draw' ORDER BY entry_date DESC, id DESC LIMIT \(limit)
            """,
            as: (String, String, Int64, String).self,
            logger: logger
        ).map { ($0, $1, $2, $3) }
    }
}

extension LotteryLedgerStore {
    /// The latest imports, newest first: (file name, who, rows applied, rows skipped, when).
    public func recentImports(
        limit: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [(
        fileName: String, actor: String, applied: Int, skipped: Int, at: Date
    )] {
        try await connection.rows(
            "SELECT file_name, actor, applied, skipped, imported_at FROM lottery_imports ORDER BY id DESC LIMIT \(limit)",
            as: (String, String, Int, Int, Date).self,
            logger: logger
        ).map { ($0, $1, $2, $3, $4) }
    }
}
