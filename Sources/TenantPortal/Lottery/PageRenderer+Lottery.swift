import Foundation
import Hummingbird
import LotterySettlement
import PGStore
import ServiceLevels

extension PageRenderer {
    /// The agent's own page (`lottery/agent.mustache`): amounts as `1.250.000 ₫`.
    func agentPage(
        summary: AgentFigures.Summary,
        debts: AgentFigures.Debts,
        draws: [LotteryLedgerStore.DrawStatement],
        payments: [(date: LocalDate, period: DebtPeriod, amount: Int64, method: String)],
        statements: [LotteryStatement],
        csrf: String,
        error: String?,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        func money(_ amount: Int64) -> String { MoneyText.vnd(Int(amount), language) }
        let agent = summary.agent
        let warning: Sentence? =
            summary.blocked ? LotteryText.blocked : summary.warning ? LotteryText.warning : nil
        let values: [String: Any] = [
            "title": LotteryText.heading(language), "heading": LotteryText.heading(language),
            "agentLine": "\(agent.code) · \(agent.name)", "warning": warning.map { $0(language) } as Any,
            "summaryHeading": LotteryText.summary(language), "balanceLabel": LotteryText.balance(language), "balance": money(agent.balance),
            "collateralLabel": LotteryText.collateral(language), "collateral": money(agent.collateral),
            "ratioLabel": LotteryText.ratio(language), "ratio": summary.ratioPercent.map { "\($0)%" } ?? "-",
            "periodRevenueLabel": LotteryText.periodRevenue(summary.period.description)(language), "periodRevenue": money(summary.periodRevenue),
            "periodCommissionLabel": LotteryText.periodCommission(language), "periodCommission": money(summary.periodCommission),
            "debtsHeading": LotteryText.debts(language), "periodLabel": LotteryText.period(language), "dueLabel": LotteryText.due(language),
            "paidLabel": LotteryText.paid(language), "leftLabel": LotteryText.left(language), "noDebts": LotteryText.noDebts(language),
            "hasPeriods": !debts.periods.isEmpty,
            "periods": debts.periods.reversed().map {
                ["name": $0.period.description, "due": money($0.due), "paid": money($0.paid), "left": money($0.due - $0.paid)]
            },
            "ageingHeading": LotteryText.ageing(language),
            "ageing": DebtAge.allCases.map { ["name": LotteryText.age($0)(language), "amount": money(debts.ageing[$0] ?? 0)] },
            "drawsHeading": LotteryText.draws(language), "drawLabel": LotteryText.draw(language), "soldLabel": LotteryText.sold(language),
            "revenueLabel": LotteryText.revenue(language), "noDraws": LotteryText.noDraws(language), "hasDraws": !draws.isEmpty,
            "draws": draws.map { draw in
                [
                    "date": draw.date, "product": draw.product, "sold": "\(draw.figures.allocated - draw.figures.returned)/\(draw.figures.allocated)",
                    "revenue": money(draw.figures.revenue), "due": money(draw.figures.amountDue),
                    "tickets": draw.tickets.map { ticket in
                        ticket.amount.map { LotteryText.winning(ticket.number, ticket.note, money($0))(language) }
                            ?? LotteryText.invalid(ticket.number, ticket.note)(language)
                    },
                ] as [String: Any]
            },
            "paymentsHeading": LotteryText.payments(language), "dateLabel": LotteryText.date(language),
            "amountLabel": LotteryText.amount(language), "noPayments": LotteryText.noPayments(language), "hasPayments": !payments.isEmpty,
            "payments": payments.map { ["date": $0.date.description, "period": $0.period.description, "amount": money($0.amount)] },
            "statementsHeading": LotteryText.statements(language), "error": error as Any, "noStatements": LotteryText.noStatements(language),
            "hasStatements": !statements.isEmpty,
            "statements": statements.map { statement in
                [
                    "id": statement.id, "period": statement.period, "state": LotteryText.state(statement.state)(language),
                    "openingLabel": LotteryText.opening(language), "opening": money(statement.openingBalance),
                    "drawsLabel": LotteryText.draws(language), "draws": money(statement.draws),
                    "adjustmentsLabel": LotteryText.adjustments(language), "adjustments": money(statement.adjustments),
                    "paymentsLabel": LotteryText.payments(language), "payments": money(statement.payments),
                    "closingLabel": LotteryText.closing(language), "closing": money(statement.closingBalance),
                    "ticketCode": statement.ticketCode as Any, "ticketLabel": LotteryText.disputeTicket(language),
                    "waiting": statement.state == "waiting", "csrf": csrf, "confirmLabel": LotteryText.confirm(language),
                    "reasonLabel": LotteryText.reason(language), "disputeLabel": LotteryText.dispute(language),
                    "askEmail": agent.email == nil, "emailLabel": LotteryText.email(language),
                ] as [String: Any]
            },
        ]
        return render("lottery/agent", values, language: language, status: status)
    }
}
