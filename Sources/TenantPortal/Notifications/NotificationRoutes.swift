import Foundation
import Hummingbird
import PGStore

/// `/settings/notifications` and `/outbox`, for the tenant's administrators (PRODUCT.md B8).
struct NotificationRoutes {
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

    func add(to api: RouterGroup<PortalRequestContext>) {
        api.get("settings/notifications") { _, context in
            let rules = try await notifications.rules(by: try context.requirePrincipal(), tenant: try context.requireTenant(), logger: context.logger)
            return RulesBody(onCreated: rules.onCreated, onStages: rules.onStages, onCompleted: rules.onCompleted)
        }
        api.put("settings/notifications") { request, context in
            let principal = try context.requirePrincipal()
            try NotificationDesk.requireAdmin(principal)
            let body = try await request.decodeBody(RulesBody.self, context: context)
            let tenant = try context.requireTenant()
            let rules = NotificationRules(onCreated: body.onCreated ?? true, onStages: body.onStages ?? [], onCompleted: body.onCompleted ?? true)
            let workflows = try await desk.workflows(tenant: tenant, logger: context.logger)
            try await notifications.setRules(rules, workflows: workflows, by: principal, tenant: tenant, logger: context.logger)
            return RulesBody(onCreated: rules.onCreated, onStages: rules.onStages, onCompleted: rules.onCompleted)
        }
        api.get("outbox") { request, context in
            let principal = try context.requirePrincipal()
            try NotificationDesk.requireAdmin(principal)
            let status = try request.uri.queryParameters.get("status").map { text throws(PortalError) in
                guard let status = OutboxMessage.Status(rawValue: text) else {
                    throw .invalid(field: "status", .notOneOf(text, allowed: OutboxMessage.Status.allCases.map(\.rawValue)))
                }
                return status
            }
            let messages = try await notifications.outbox(
                status: status,
                by: principal,
                tenant: try context.requireTenant(),
                logger: context.logger
            )
            return OutboxView(messages: messages.map { OutboxMessageView($0, forOperators: false) })
        }
    }
}
