import Foundation
import Hummingbird
import PGStore

extension PageRenderer {
    /// A new agent's form, or `agent`'s edit form (`lottery/staff-agent-form.mustache`), with
    /// `typed` in its fields and each refusal by its field.
    func agentForm(
        _ agent: LotteryAgent?,
        typed: AgentFormPages.AgentForm,
        errors: [String: String],
        csrf: String,
        member: Principal,
        tenant: Tenant,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        func field(_ name: String, _ label: Sentence, _ value: String?, limit: Int = 200, type: String? = nil) -> [String: Any] {
            [
                "id": "agent-" + name.replacingOccurrences(of: "_", with: "-"), "name": name, "label": label(language), "multiline": false,
                "type": type as Any, "limit": limit, "value": value ?? "", "fieldError": errors[name] as Any,
            ]
        }
        let details = [
            field("name", AgentFormText.name, typed.name), field("phone", AgentFormText.phone, typed.phone, limit: 20, type: "tel"),
            field("email", AgentFormText.email, typed.email, type: "email"), field("region", AgentFormText.region, typed.region, limit: 100),
            field("commission_rate", AgentFormText.commissionRate, typed.commissionRate, limit: 10),
        ]
        let fields: [[String: Any]] =
            if agent == nil {
                [field("code", LotteryText.agentCode, typed.code, limit: 32)] + details + [
                    field("collateral", AgentFormText.collateral, typed.collateral, limit: 20),
                    field("username", AgentFormText.username, typed.username, limit: 40),
                    field("password", AgentFormText.password, nil, limit: 72, type: "password"),
                ]
            } else {
                details + [
                    field("commission_from", AgentFormText.commissionFrom, typed.commissionFrom, limit: 10, type: "date"),
                    field("collateral", AgentFormText.collateral, typed.collateral, limit: 20),
                    field("reason", AgentFormText.reason, typed.reason, limit: 500),
                ]
            }
        let heading = agent.map { "\($0.code) · \(AgentFormText.edit(language))" } ?? AgentFormText.newAgent(language)
        let values: [String: Any] = [
            "title": heading, "heading": heading, "csrf": csrf, "error": errors["form"] as Any, "fields": fields,
            "action": agent.map { "lottery/agents/\($0.code)" } ?? "lottery/agents", "editing": agent != nil,
            "activeLabel": AgentFormText.active(language),
            "activeChoices": [("yes", AgentFormText.yes), ("no", AgentFormText.no)].map {
                ["value": $0.0, "name": $0.1(language), "selected": (typed.active ?? "yes") == $0.0] as [String: Any]
            },
            "submit": (agent == nil ? AgentFormText.create : AgentFormText.save)(language),
        ]
        return renderStaff(
            "lottery/staff-agent-form",
            section: .lotteryAgents,
            values,
            member: member,
            tenant: tenant,
            language: language,
            status: status
        )
    }
}
