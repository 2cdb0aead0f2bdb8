import Foundation
import Hummingbird
import LotterySettlement
import PGStore

/// The workspace's forms for agents (E1, issue 19 item 10): a new agent with their account (an
/// initial password, or a set-password link mailed to them), and an agent's details, commission
/// rate and collateral. A refused form comes back with what was typed and the reason by its field.
struct AgentFormPages {
    let agents: LotteryAgents
    let invitations: InvitationMail
    let pages: PageRenderer

    /// The form's fields as typed; the names are the API's.
    struct AgentForm: Decodable {
        var csrf: String?
        var code: String?
        var name: String?
        var phone: String?
        var email: String?
        var region: String?
        var commissionRate: String?
        var commissionFrom: String?
        var collateral: String?
        var reason: String?
        var active: String?
        var username: String?
        var password: String?

        enum CodingKeys: String, CodingKey {
            case csrf, code, name, phone, email, region, collateral, reason, active, username, password
            case commissionRate = "commission_rate"
            case commissionFrom = "commission_from"
        }

        /// The agent as stored, as the edit form shows it.
        init(_ agent: LotteryAgent) {
            code = agent.code
            name = agent.name
            phone = agent.phone
            email = agent.email
            region = agent.region
            commissionRate = LotteryAgents.rateText(agent.commissionMillionths)
            collateral = String(agent.collateral)
            active = agent.active ? "yes" : "no"
        }

        init() {}

        /// What differs from `agent`: a rate or collateral typed as it already is makes no new
        /// history entry.
        func change(from agent: LotteryAgent) -> LotteryAgents.Change {
            let rate = commissionRate?.trimmed
            let collateral = collateral?.trimmed
            return LotteryAgents.Change(
                name: name,
                phone: phone,
                email: email?.trimmed.isEmpty == true ? nil : email,
                region: region,
                active: active.map { $0 == "yes" },
                commissionRate: rate.flatMap { Rate($0)?.millionths == agent.commissionMillionths ? nil : $0 },
                commissionFrom: commissionFrom?.trimmed.isEmpty == true ? nil : commissionFrom,
                collateral: collateral.flatMap { $0 == String(agent.collateral) ? nil : $0 },
                reason: reason
            )
        }
    }

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get("lottery/agents/new", use: newAgent)
        staff.post("lottery/agents", use: create)
        staff.get("lottery/agents/:code/edit", use: edit)
        staff.post("lottery/agents/:code", use: update)
    }

    @Sendable func newAgent(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try RequestDesk.requireStaff(context.member)
        return try await FormProtection.withToken(for: request) { csrf in
            form(nil, typed: AgentForm(), errors: [:], csrf: csrf, context, status: .ok)
        }
    }

    @Sendable func edit(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try RequestDesk.requireStaff(context.member)
        let agent = try await agents.agent(code: context.parameters.get("code") ?? "", tenant: context.tenant, logger: context.logger)
        return try await FormProtection.withToken(for: request) { csrf in
            form(agent, typed: AgentForm(agent), errors: [:], csrf: csrf, context, status: .ok)
        }
    }

    @Sendable func create(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try RequestDesk.requireStaff(context.member)
        let typed = try await request.form(AgentForm.self) ?? AgentForm()
        return try await answer(request, context, agent: nil, typed: typed) {
            let password = typed.password.flatMap { $0.isEmpty ? nil : $0 }
            let agent = try await LotteryAgents.NewAgent(
                code: typed.code ?? "",
                name: typed.name,
                phone: typed.phone,
                email: typed.email?.trimmed.isEmpty == true ? nil : typed.email,
                region: typed.region,
                commissionRate: typed.commissionRate?.trimmed.isEmpty == true ? nil : typed.commissionRate,
                collateral: typed.collateral?.trimmed.isEmpty == true ? nil : typed.collateral,
                username: typed.username?.trimmed.isEmpty == true ? nil : typed.username,
                access: password.map { .password($0) } ?? .link(invitations, context.tenant)
            )
            return try await agents.create(agent, actor: context.member.key, tenant: context.tenant, logger: context.logger).code
        }
    }

    @Sendable func update(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try RequestDesk.requireStaff(context.member)
        let typed = try await request.form(AgentForm.self) ?? AgentForm()
        let agent = try await agents.agent(code: context.parameters.get("code") ?? "", tenant: context.tenant, logger: context.logger)
        return try await answer(request, context, agent: agent, typed: typed) {
            try await agents.update(
                code: agent.code,
                typed.change(from: agent),
                actor: context.member.key,
                tenant: context.tenant,
                logger: context.logger
            )
            .code
        }
    }

    /// Runs `action` (which answers the agent's code) and sees the browser to the agent's page; a
    /// refusal shows the form again.
    private func answer(
        _ request: Request,
        _ context: StaffRequestContext,
        agent: LotteryAgent?,
        typed: AgentForm,
        _ action: () async throws -> String
    ) async throws -> Response {
        try await FormProtection.withToken(for: request) { csrf in
            guard FormProtection.accepts(typed.csrf, request: request) else {
                return form(agent, typed: typed, errors: ["form": PortalText.formExpired(context.language)], csrf: csrf, context, status: .forbidden)
            }
            do {
                let code = try await action()
                return Response.seeOther(PortalPath("staff/lottery/agents/\(code)").with(query: "changed"), of: context.tenant)
            } catch let refusal as any PortalRefusal {
                let errors = [refusal.field ?? "form": refusal.message(context.language)]
                return form(agent, typed: typed, errors: errors, csrf: csrf, context, status: refusal.status)
            }
        }
    }

    private func form(
        _ agent: LotteryAgent?,
        typed: AgentForm,
        errors: [String: String],
        csrf: String,
        _ context: StaffRequestContext,
        status: HTTPResponse.Status
    ) -> Response {
        pages.agentForm(
            agent,
            typed: typed,
            errors: errors,
            csrf: csrf,
            member: context.member,
            tenant: context.tenant,
            language: context.language,
            status: status
        )
    }
}
