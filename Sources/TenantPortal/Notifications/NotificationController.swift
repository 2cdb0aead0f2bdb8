import Foundation
import Hummingbird
import PGStore

/// `/settings/notifications` and `/outbox`, for the tenant's administrators (PRODUCT.md B8).
struct NotificationController {
    let notifications: NotificationDesk
    let desk: RequestDesk

    struct RulesBody: Codable, ResponseEncodable {
        var onCreated: Bool?
        var onStages: [String]?
        var onCompleted: Bool?
    }

    struct OutboxView: ResponseEncodable {
        var messages: [OutboxMessageView]
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("settings/notifications", use: rules)
        api.put("settings/notifications", use: setRules)
        api.get("outbox", use: outbox)
    }

    @Sendable func rules(_ request: Request, context: SignedInRequestContext) async throws -> RulesBody {
        let rules = try await notifications.rules(by: context.principal, tenant: context.tenant, logger: context.logger)
        return RulesBody(onCreated: rules.onCreated, onStages: rules.onStages, onCompleted: rules.onCompleted)
    }

    @Sendable func setRules(_ request: Request, context: SignedInRequestContext) async throws -> RulesBody {
        try NotificationDesk.requireAdmin(context.principal)
        let body = try await request.decodeBody(RulesBody.self, context: context)
        let rules = NotificationRules(onCreated: body.onCreated ?? true, onStages: body.onStages ?? [], onCompleted: body.onCompleted ?? true)
        let workflows = try await desk.workflows(tenant: context.tenant, logger: context.logger)
        try await notifications.setRules(rules, workflows: workflows, by: context.principal, tenant: context.tenant, logger: context.logger)
        return RulesBody(onCreated: rules.onCreated, onStages: rules.onStages, onCompleted: rules.onCompleted)
    }

    @Sendable func outbox(_ request: Request, context: SignedInRequestContext) async throws -> OutboxView {
        try NotificationDesk.requireAdmin(context.principal)
        let status = try request.uri.queryParameters.get("status").map { text throws(PortalError) in
            guard let status = OutboxMessage.Status(rawValue: text) else {
                throw .invalid(field: "status", .notOneOf(text, allowed: OutboxMessage.Status.allCases.map(\.rawValue)))
            }
            return status
        }
        let messages = try await notifications.outbox(status: status, by: context.principal, tenant: context.tenant, logger: context.logger)
        return OutboxView(messages: messages.map { OutboxMessageView($0, forOperators: false) })
    }
}
