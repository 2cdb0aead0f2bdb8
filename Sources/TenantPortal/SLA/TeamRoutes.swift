import Foundation
import Hummingbird
import PGStore

/// `/settings/teams`: teams, their leads and the ticket types they take, for administrators
/// (PRODUCT.md B11).
struct TeamRoutes {
    let settings: TeamSettings
    let desk: RequestDesk

    struct Body: Codable, ResponseEncodable {
        struct TeamBody: Codable {
            var name: String
            var lead: String?
            var ticketTypes: [String]?
        }

        var teams: [TeamBody]
    }

    func add(to api: RouterGroup<PortalRequestContext>) {
        api.get("settings/teams") { _, context in
            let teams = try await settings.teams(by: try context.requirePrincipal(), tenant: try context.requireTenant(), logger: context.logger)
            return Body(teams: teams.map { .init(name: $0.name, lead: $0.lead, ticketTypes: $0.ticketTypes) })
        }
        api.put("settings/teams") { request, context in
            let principal = try context.requirePrincipal()
            try NotificationDesk.requireAdmin(principal)
            let body = try await request.decodeBody(Body.self, context: context)
            let tenant = try context.requireTenant()
            let teams = body.teams.map { Team(name: $0.name.trimmed, lead: $0.lead?.lowercased(), ticketTypes: $0.ticketTypes ?? []) }
            try await settings.replace(
                teams,
                workflows: try await desk.workflows(tenant: tenant, logger: context.logger),
                by: principal,
                tenant: tenant,
                logger: context.logger
            )
            let stored = try await settings.teams(by: principal, tenant: tenant, logger: context.logger)
            return Body(teams: stored.map { .init(name: $0.name, lead: $0.lead, ticketTypes: $0.ticketTypes) })
        }
    }
}
