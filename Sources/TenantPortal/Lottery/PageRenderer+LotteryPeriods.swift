import Foundation
import Hummingbird
import PGStore

extension PageRenderer {
    /// The workspace's debt periods (`lottery/staff-periods.mustache`): the rules (a form for
    /// administrators), the close form with `proposed` in it, and the closed periods.
    func staffPeriods(
        rules: LotterySettings,
        closed: [ClosedPeriod],
        proposed: String,
        csrf: String,
        notice: String?,
        error: String?,
        member: Principal,
        tenant: Tenant,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        let decimals = LotteryRules.decimals(rules)
        let values: [String: Any] = [
            "heading": LotteryPeriodText.heading(language), "csrf": csrf, "notice": notice as Any, "error": error as Any,
            "rulesHeading": LotteryPeriodText.rules(language), "isAdmin": member.isStaffAdmin,
            "periodKindLabel": LotteryPeriodText.periodKind(language),
            "kinds": [("week", LotteryPeriodText.week), ("month", LotteryPeriodText.month)].map {
                ["value": $0.0, "name": $0.1(language), "selected": $0.0 == rules.periodKind] as [String: Any]
            },
            "kindName": (rules.periodKind == "month" ? LotteryPeriodText.month : LotteryPeriodText.week)(language),
            "payoutFeeLabel": LotteryPeriodText.payoutFee(language), "payoutFee": decimals.payoutFee,
            "warningLabel": LotteryPeriodText.warningRatio(language), "warningRatio": decimals.warningRatio,
            "limitLabel": LotteryPeriodText.limitRatio(language), "limitRatio": decimals.limitRatio,
            "ratioHint": LotteryPeriodText.ratioHint(language), "saveRules": LotteryPeriodText.saveRules(language),
            "closeHeading": LotteryPeriodText.close(language), "closeHint": LotteryPeriodText.closeHint(language),
            "periodLabel": LotteryPeriodText.periodName(language), "proposed": proposed,
            "closedHeading": LotteryPeriodText.closed(language), "noneClosed": LotteryPeriodText.noneClosed(language),
            "hasClosed": !closed.isEmpty,
            "columns": [
                LotteryText.period, LotteryPeriodText.days, LotteryPeriodText.closedAt, LotteryPeriodText.closedBy,
                LotteryPeriodText.statements, LotteryPeriodText.confirmed, LotteryPeriodText.disputed, LotteryPeriodText.waiting,
            ].map { $0(language) },
            "closed": closed.map {
                [
                    "name": $0.name, "days": "\($0.start) – \($0.end)", "at": DateText.dateTime($0.closedAt, timeZone: tenant.timeZone, language),
                    "by": $0.closedBy, "statements": $0.statements, "confirmed": $0.confirmed, "disputed": $0.disputed, "waiting": $0.waiting,
                ] as [String: Any]
            },
        ]
        return renderStaff(
            "lottery/staff-periods",
            section: .lotteryPeriods,
            values,
            member: member,
            tenant: tenant,
            language: language,
            status: status
        )
    }

    /// One closed period's statements (`lottery/staff-period.mustache`), by agent code.
    func staffPeriod(
        _ name: String,
        statements: [LotteryStatement],
        notice: String?,
        member: Principal,
        tenant: Tenant,
        language: Language
    ) -> Response {
        func money(_ amount: Int64) -> String { MoneyText.vnd(Int(amount), language) }
        let values: [String: Any] = [
            "heading": LotteryPeriodText.period(name)(language), "notice": notice as Any, "back": LotteryPeriodText.back(language),
            "hasStatements": !statements.isEmpty, "noStatements": LotteryPeriodText.noStatements(language),
            "columns": [
                LotteryPeriodText.agent, LotteryText.opening, LotteryText.draws, LotteryText.adjustments, LotteryText.payments, LotteryText.closing,
                LotteryPeriodText.state, LotteryPeriodText.disputeReason,
            ].map { $0(language) },
            "statements": statements.map { statement in
                [
                    "agent": statement.agentCode, "opening": money(statement.openingBalance), "draws": money(statement.draws),
                    "adjustments": money(statement.adjustments), "payments": money(statement.payments), "closing": money(statement.closingBalance),
                    "state": LotteryPeriodText.stateName(statement.state)(language), "stateKey": statement.state,
                    "reason": statement.disputeReason ?? "", "ticket": statement.ticketCode as Any,
                ] as [String: Any]
            },
        ]
        return renderStaff("lottery/staff-period", section: .lotteryPeriods, values, member: member, tenant: tenant, language: language, status: .ok)
    }
}
