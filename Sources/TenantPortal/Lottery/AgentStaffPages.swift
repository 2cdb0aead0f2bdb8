import Foundation
import Hummingbird
import LotterySettlement
import PGStore

/// The workspace's agents (E1, E4, E6, issue 19 item 10), in the staff shell: the list with
/// balance, ratio, blocked and oldest debt age (by region, sortable), and one agent's page with
/// their debts, payments and adjustments, collateral history, and the forms to record a payment
/// or an adjustment by hand, each with its reason.
struct AgentStaffPages {
    let agents: LotteryAgents
    let figures: AgentFigures
    let entries: LedgerEntries
    let pages: PageRenderer

    struct EntryForm: Decodable {
        var csrf: String?
        var date: String?
        var amount: String?
        var reason: String?
    }

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get("lottery/agents", use: list)
        staff.get("lottery/agents/:code", use: agent)
        staff.post("lottery/agents/:code/payments", use: payment)
        staff.post("lottery/agents/:code/adjustments", use: adjustment)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let query = FormFields(request.uri.query ?? "")
        let region = try TextInput.optional(query["region"], field: "region", limit: 100)
        let sort = ["code", "-balance", "-ratio", "oldest"].contains(query["sort"] ?? "") ? query["sort"]! : "code"
        let (all, oldest, limit) = try await agents.overview(by: context.member, tenant: context.tenant, logger: context.logger)
        return pages.staffAgents(
            all,
            oldest: oldest,
            limitPercent: limit,
            region: region,
            sort: sort,
            member: context.member,
            tenant: context.tenant,
            language: context.language
        )
    }

    @Sendable func agent(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let query = FormFields(request.uri.query ?? "")
        let notice = query["saved"] != nil ? LotteryText.recorded : query["changed"] != nil ? AgentFormText.saved : nil
        return try await FormProtection.withToken(for: request) { csrf in
            try await page(context, csrf: csrf, notice: notice?(context.language), error: nil, status: .ok)
        }
    }

    @Sendable func payment(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await record(.payment, request, context)
    }

    @Sendable func adjustment(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await record(.adjustment, request, context)
    }

    private func record(_ kind: LedgerEntries.Kind, _ request: Request, _ context: StaffRequestContext) async throws -> Response {
        let form = try await request.form(EntryForm.self) ?? EntryForm()
        let code = context.parameters.get("code") ?? ""
        return try await FormProtection.withToken(for: request) { csrf in
            guard FormProtection.accepts(form.csrf, request: request) else {
                return try await page(context, csrf: csrf, notice: nil, error: PortalText.formExpired(context.language), status: .forbidden)
            }
            do {
                try await entries.record(
                    kind,
                    agent: code,
                    date: form.date,
                    amount: form.amount,
                    reason: form.reason,
                    actor: context.member.key,
                    tenant: context.tenant,
                    logger: context.logger
                )
                return Response.seeOther(PortalPath("staff/lottery/agents/\(code.uppercased())").with(query: "saved"), of: context.tenant)
            } catch let refusal as any PortalRefusal {
                let message = (refusal.field.map { "\($0): " } ?? "") + refusal.message(context.language)
                return try await page(context, csrf: csrf, notice: nil, error: message, status: refusal.status)
            }
        }
    }

    private func page(
        _ context: StaffRequestContext,
        csrf: String,
        notice: String?,
        error: String?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let whose = AgentSelector.code(context.parameters.get("code") ?? "", staff: context.member)
        let (tenant, logger) = (context.tenant, context.logger)
        let summary = try await figures.summary(for: whose, tenant: tenant, logger: logger)
        return pages.staffAgent(
            summary: summary,
            debts: try await figures.debts(for: whose, tenant: tenant, logger: logger),
            movements: try await figures.movements(for: whose, tenant: tenant, logger: logger),
            collateral: try await agents.collateralHistory(code: summary.agent.code, tenant: tenant, logger: logger),
            csrf: csrf,
            notice: notice,
            error: error,
            member: context.member,
            tenant: tenant,
            language: context.language,
            status: status
        )
    }
}
