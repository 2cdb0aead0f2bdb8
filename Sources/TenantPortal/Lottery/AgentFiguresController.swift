import Hummingbird
import LotterySettlement
import PGStore
import ServiceLevels

/// `/lottery/me/...`: a signed-in agent's own figures for a phone app (E1, E2, E4). Anyone who is
/// not an agent is refused; no route here takes another agent's code.
struct AgentFiguresController {
    let figures: AgentFigures

    struct SummaryView: ResponseEncodable {
        var code: String
        var name: String
        /// Whole đồng owed (negative: owed to the agent).
        var balance: Int64
        var collateral: Int64
        var ratioPercent: Int64?
        var warning: Bool
        var blocked: Bool
        var commissionRate: String
        var period: String
        var periodRevenue: Int64
        var periodCommission: Int64
    }

    struct PeriodView: Encodable {
        var period: String
        var start: String
        var end: String
        var due: Int64
        var paid: Int64
        var left: Int64
    }

    struct DebtsView: ResponseEncodable {
        var balance: Int64
        var credit: Int64
        var periods: [PeriodView]
        /// Left to pay by the age of its draw date: `0-7`, `8-30`, `31-60`, `61+` days.
        var ageing: [String: Int64]
    }

    struct TicketView: Encodable {
        var ticketNo: String
        /// Winning tickets only.
        var amount: Int64?
        /// The prize tier of a winning ticket, the reason of an invalid one.
        var note: String
    }

    struct DrawView: Encodable {
        var date: String
        var product: String
        var allocated: Int64
        var returned: Int64
        var netSold: Int64
        var price: Int64
        var revenue: Int64
        var commission: Int64
        var prizesPaid: Int64
        var payoutFee: Int64
        var amountDue: Int64
        var winningTickets: [TicketView]
        var invalidTickets: [TicketView]
    }

    struct DrawList: ResponseEncodable {
        var draws: [DrawView]
    }

    struct PaymentView: Encodable {
        var date: String
        var period: String
        var amount: Int64
        var method: String
    }

    struct PaymentList: ResponseEncodable {
        var payments: [PaymentView]
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("lottery/me/summary", use: summary)
        api.get("lottery/me/debts", use: debts)
        api.get("lottery/me/draws", use: draws)
        api.get("lottery/me/payments", use: payments)
    }

    @Sendable func draws(_ request: Request, context: SignedInRequestContext) async throws -> DrawList {
        let query = request.uri.queryParameters
        let draws = try await figures.draws(
            for: .signedIn(context.principal),
            from: query["from"].map(String.init),
            to: query["to"].map(String.init),
            tenant: context.tenant,
            logger: context.logger
        )
        return DrawList(
            draws: draws.map { draw in
                let figures = draw.figures
                let tickets = draw.tickets.map { TicketView(ticketNo: $0.number, amount: $0.amount, note: $0.note) }
                return DrawView(
                    date: draw.date,
                    product: draw.product,
                    allocated: figures.allocated,
                    returned: figures.returned,
                    netSold: figures.allocated - figures.returned,
                    price: figures.price,
                    revenue: figures.revenue,
                    commission: figures.commission,
                    prizesPaid: figures.prizesPaid,
                    payoutFee: figures.payoutFee,
                    amountDue: figures.amountDue,
                    winningTickets: tickets.filter { $0.amount != nil },
                    invalidTickets: tickets.filter { $0.amount == nil }
                )
            }
        )
    }

    @Sendable func payments(_ request: Request, context: SignedInRequestContext) async throws -> PaymentList {
        let payments = try await figures.payments(for: .signedIn(context.principal), tenant: context.tenant, logger: context.logger)
        return PaymentList(
            payments: payments.map { PaymentView(date: $0.date.description, period: $0.period.description, amount: $0.amount, method: $0.method) }
        )
    }

    @Sendable func summary(_ request: Request, context: SignedInRequestContext) async throws -> SummaryView {
        let summary = try await figures.summary(for: .signedIn(context.principal), tenant: context.tenant, logger: context.logger)
        return SummaryView(
            code: summary.agent.code,
            name: summary.agent.name,
            balance: summary.agent.balance,
            collateral: summary.agent.collateral,
            ratioPercent: summary.ratioPercent,
            warning: summary.warning,
            blocked: summary.blocked,
            commissionRate: LotteryAgents.rateText(summary.agent.commissionMillionths),
            period: summary.period.description,
            periodRevenue: summary.periodRevenue,
            periodCommission: summary.periodCommission
        )
    }

    @Sendable func debts(_ request: Request, context: SignedInRequestContext) async throws -> DebtsView {
        let debts = try await figures.debts(for: .signedIn(context.principal), tenant: context.tenant, logger: context.logger)
        return DebtsView(
            balance: debts.balance,
            credit: debts.credit,
            periods: debts.periods.map {
                PeriodView(
                    period: $0.period.description,
                    start: $0.period.start.description,
                    end: $0.period.end.description,
                    due: $0.due,
                    paid: $0.paid,
                    left: $0.due - $0.paid
                )
            },
            ageing: Dictionary(uniqueKeysWithValues: DebtAge.allCases.map { ($0.rawValue, debts.ageing[$0] ?? 0) })
        )
    }
}
