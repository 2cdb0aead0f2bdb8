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

extension PageRenderer {
    /// The workspace's agents list (`lottery/staff-agents.mustache`).
    func staffAgents(
        _ agents: [LotteryAgent],
        oldest: [Int: String],
        limitPercent: Int,
        region: String?,
        sort: String,
        member: Principal,
        tenant: Tenant,
        language: Language
    ) -> Response {
        let today = tenant.today()
        func age(_ agent: LotteryAgent) -> Int? { oldest[agent.id].flatMap(LocalDate.init).map { today.days(since: $0) } }
        func ratio(_ agent: LotteryAgent) -> Int64 { CollateralRatio.percent(balance: agent.balance, collateral: agent.collateral) ?? .max }
        var shown = agents.filter { region == nil || $0.region == region }
        switch sort {
        case "-balance": shown.sort { ($0.balance, $1.code) > ($1.balance, $0.code) }
        case "-ratio": shown.sort { (ratio($0), $1.code) > (ratio($1), $0.code) }
        case "oldest": shown.sort { (age($0) ?? -1, $1.code) > (age($1) ?? -1, $0.code) }
        default: break
        }
        let base =
            PortalPath.staffHome.href(tenant.slug) + "lottery/agents?"
            + (region.map { "region=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&" } ?? "")
        func column(_ name: Sentence, _ key: String? = nil) -> [String: Any] {
            guard let key else { return ["name": name(language)] }
            let sorted: String? = sort == key ? (key == "code" ? "ascending" : "descending") : nil
            return ["name": name(language), "href": base + "sort=\(key)", "sorted": sorted as Any]
        }
        let values: [String: Any] = [
            "newAgentLabel": AgentFormText.newAgent(language), "productsLabel": AgentFormText.products(language),
            "regionLabel": LotteryText.region(language), "anyRegion": LotteryText.anyRegion(language),
            "filterLabel": RequestPageText.filter(language), "noAgents": LotteryText.noAgents(language), "hasAgents": !shown.isEmpty,
            "regions": Set(agents.map(\.region)).filter { !$0.isEmpty }.sorted().map { ["name": $0, "selected": $0 == region] },
            "columns": [
                column(LotteryText.agentCode, "code"), column(LotteryText.agentName), column(LotteryText.region),
                column(LotteryText.balance, "-balance"), column(LotteryText.collateral), column(LotteryText.ratio, "-ratio"),
                column(LotteryText.agentState), column(LotteryText.oldestDebt, "oldest"),
            ],
            "agents": shown.map { agent in
                let blocked = CollateralRatio.isOver(balance: agent.balance, collateral: agent.collateral, limitPercent: limitPercent)
                return [
                    "code": agent.code, "name": agent.name, "region": agent.region,
                    "balance": MoneyText.vnd(Int(agent.balance), language), "collateral": MoneyText.vnd(Int(agent.collateral), language),
                    "ratio": agent.collateral > 0 ? "\(ratio(agent))%" : "-", "blocked": blocked,
                    "state": (!agent.active ? LotteryText.inactive : blocked ? LotteryText.overLimit : LotteryText.activeAgent)(language),
                    "oldest": age(agent).map { LotteryText.daysOld($0)(language) } ?? "",
                ] as [String: Any]
            },
        ]
        return renderStaff("lottery/staff-agents", section: .lotteryAgents, values, member: member, tenant: tenant, language: language, status: .ok)
    }

    /// One agent in the workspace (`lottery/staff-agent.mustache`).
    func staffAgent(
        summary: AgentFigures.Summary,
        debts: AgentFigures.Debts,
        movements: [(kind: String, date: LocalDate, period: DebtPeriod, amount: Int64, note: String)],
        collateral: [(amount: Int64, reason: String, actor: String, at: Date)],
        csrf: String,
        notice: String?,
        error: String?,
        member: Principal,
        tenant: Tenant,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        func money(_ amount: Int64) -> String { MoneyText.vnd(Int(amount), language) }
        let agent = summary.agent
        let facts: [(Sentence, String)] = [
            (LotteryText.phone, agent.phone), (LotteryText.emailShort, agent.email ?? "-"), (LotteryText.region, agent.region),
            (LotteryText.commissionRate, LotteryAgents.rateText(agent.commissionMillionths)), (LotteryText.balance, money(agent.balance)),
            (LotteryText.collateral, money(agent.collateral)), (LotteryText.ratio, summary.ratioPercent.map { "\($0)%" } ?? "-"),
            (LotteryText.periodRevenue(summary.period.description), money(summary.periodRevenue)), (LotteryText.username, agent.username),
        ]
        let values: [String: Any] = [
            "title": "\(agent.code) · \(agent.name)", "code": agent.code, "name": agent.name, "csrf": csrf,
            "editLabel": AgentFormText.edit(language),
            "warning": (summary.blocked ? LotteryText.overLimit : summary.warning ? LotteryText.nearLimit : nil).map { $0(language) } as Any,
            "notice": notice as Any, "error": error as Any,
            "facts": facts.map { ["label": $0.0(language), "value": $0.1] },
            "recordHeading": LotteryText.record(language),
            "forms": [
                (LedgerEntries.Kind.payment, LotteryText.recordPayment, LotteryText.method),
                (.adjustment, LotteryText.recordAdjustment, LotteryText.reason),
            ].map {
                kind,
                legend,
                reason in
                [
                    "path": kind == .payment ? "payments" : "adjustments", "legend": legend(language), "csrf": csrf, "code": agent.code,
                    "dateLabel": LotteryText.date(language),
                    "amountLabel": kind == .payment ? LotteryText.amount(language) : LotteryText.signedAmount(language),
                    "reasonLabel": reason(language), "submitLabel": LotteryText.save(language),
                ]
            },
            "debtsHeading": LotteryText.debts(language), "periodLabel": LotteryText.period(language), "dueLabel": LotteryText.due(language),
            "paidLabel": LotteryText.paid(language), "leftLabel": LotteryText.left(language),
            "periods": debts.periods.reversed().map {
                ["name": $0.period.description, "due": money($0.due), "paid": money($0.paid), "left": money($0.due - $0.paid)]
            },
            "ageing": DebtAge.allCases.map { ["name": LotteryText.age($0)(language), "amount": money(debts.ageing[$0] ?? 0)] },
            "movementsHeading": LotteryText.movements(language), "dateLabel": LotteryText.date(language), "kindLabel": LotteryText.kind(language),
            "amountLabel": LotteryText.amount(language), "reasonLabel": LotteryText.reason(language),
            "movements": movements.map {
                [
                    "date": $0.date.description, "kind": ($0.kind == "payment" ? LotteryText.payment : LotteryText.adjustment)(language),
                    "amount": money($0.amount), "note": $0.note,
                ]
            },
            "collateralHeading": LotteryText.collateralHistory(language),
            "collateral": collateral.map {
                ["at": DateText.dateTime($0.at, timeZone: tenant.timeZone, language), "amount": money($0.amount), "reason": $0.reason]
            },
        ]
        var frame = navigation.frame(.lotteryAgents, member: member, tenant: tenant, language: language)
        frame.removeValue(forKey: "heading")
        return render("lottery/staff-agent", frame.merging(values) { $1 }, language: language, status: status)
    }
}

extension PageRenderer {
    /// The workspace's ledger imports (`lottery/staff-imports.mustache`).
    func staffImports(
        recent: [(fileName: String, actor: String, applied: Int, skipped: Int, at: Date)],
        outcome: String?,
        error: String?,
        problems: [RefusalDetail],
        csrf: String,
        member: Principal,
        tenant: Tenant,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        let values: [String: Any] = [
            "csrf": csrf, "outcome": outcome as Any, "error": error as Any, "hasProblems": !problems.isEmpty,
            "problemsCaption": LotteryText.problems(language), "lineLabel": LedgerImportText.line(language),
            "columnLabel": LotteryText.column(language), "reasonLabel": LotteryText.why(language),
            "problems": problems.map { ["line": $0.line.map(String.init) ?? "", "column": $0.column ?? "", "message": $0.message] },
            "fileLabel": LotteryText.ledgerFile(language), "fileHint": LotteryText.ledgerFileHint(language),
            "importLabel": LotteryText.importFile(language), "recentHeading": LotteryText.recentImports(language),
            "whenLabel": LotteryText.date(language), "fileNameLabel": LotteryText.fileName(language),
            "appliedLabel": LotteryText.applied(language), "skippedLabel": LotteryText.skipped(language), "whoLabel": LotteryText.who(language),
            "hasImports": !recent.isEmpty, "noImports": LotteryText.noImports(language),
            "imports": recent.map {
                [
                    "at": DateText.dateTime($0.at, timeZone: tenant.timeZone, language), "fileName": $0.fileName, "applied": $0.applied,
                    "skipped": $0.skipped, "actor": $0.actor,
                ] as [String: Any]
            },
        ]
        return renderStaff(
            "lottery/staff-imports",
            section: .lotteryImports,
            values,
            member: member,
            tenant: tenant,
            language: language,
            status: status
        )
    }
}
