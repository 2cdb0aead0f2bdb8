import Foundation
import Hummingbird
import PGStore

/// `/settings/teams`: teams, their leads and the ticket types they take, for administrators
/// (PRODUCT.md B11).
struct TeamController {
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

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("settings/teams", use: teams)
        api.put("settings/teams", use: replace)
    }

    @Sendable func teams(_ request: Request, context: SignedInRequestContext) async throws -> Body {
        let teams = try await settings.teams(by: context.principal, tenant: context.tenant, logger: context.logger)
        return Body(teams: teams.map { .init(name: $0.name, lead: $0.lead, ticketTypes: $0.ticketTypes) })
    }

    @Sendable func replace(_ request: Request, context: SignedInRequestContext) async throws -> Body {
        try NotificationDesk.requireAdmin(context.principal)
        let body = try await request.decodeBody(Body.self, context: context)
        let teams = body.teams.map { Team(name: $0.name.trimmed, lead: $0.lead?.lowercased(), ticketTypes: $0.ticketTypes ?? []) }
        try await settings.replace(
            teams,
            workflows: try await desk.workflows(tenant: context.tenant, logger: context.logger),
            by: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        return try await self.teams(request, context: context)
    }
}
