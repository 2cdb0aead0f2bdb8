import Hummingbird
import PGStore

/// `/settings/service-levels`: the business calendar and the SLA policies, for the tenant's
/// administrators (PRODUCT.md B10).
struct ServiceLevelController {
    let settings: ServiceLevelSettings

    struct Body: Codable, ResponseEncodable {
        struct Holiday: Codable {
            var day: String
            var name: String?
        }

        struct Policy: Codable {
            var team: String?
            var priority: String
            var firstResponseMinutes: Int
            var resolutionMinutes: Int
        }

        var weeklyHours: String
        var timeZone: String?
        var holidays: [Holiday]?
        var policies: [Policy]

        init(_ calendar: CalendarSettings, _ policies: [ServiceLevelPolicy]) {
            weeklyHours = calendar.weeklyHours
            timeZone = calendar.timeZone
            holidays = calendar.holidays.map { Holiday(day: $0.day, name: $0.name) }
            self.policies = policies.map {
                Policy(team: $0.team, priority: $0.priority, firstResponseMinutes: $0.firstResponseMinutes, resolutionMinutes: $0.resolutionMinutes)
            }
        }
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("settings/service-levels", use: current)
        api.put("settings/service-levels", use: replace)
    }

    @Sendable func current(_ request: Request, context: SignedInRequestContext) async throws -> Body {
        let (calendar, policies) = try await settings.current(by: context.principal, tenant: context.tenant, logger: context.logger)
        return Body(calendar, policies)
    }

    @Sendable func replace(_ request: Request, context: SignedInRequestContext) async throws -> Body {
        try NotificationDesk.requireAdmin(context.principal)
        let body = try await request.decodeBody(Body.self, context: context)
        let calendar = CalendarSettings(
            weeklyHours: body.weeklyHours,
            timeZone: body.timeZone.flatMap { $0.isEmpty ? nil : $0 },
            holidays: (body.holidays ?? []).map { .init(day: $0.day, name: $0.name ?? "") }
        )
        let policies = body.policies.map {
            ServiceLevelPolicy(
                team: $0.team ?? "",
                priority: $0.priority,
                firstResponseMinutes: $0.firstResponseMinutes,
                resolutionMinutes: $0.resolutionMinutes
            )
        }
        try await settings.replace(calendar, policies, by: context.principal, tenant: context.tenant, logger: context.logger)
        return try await current(request, context: context)
    }
}
