import Hummingbird
import PGStore

/// The business hours and due times settings for administrators (B10): the same settings as
/// `PUT /settings/service-levels`, as one form; a refusal shows it again as typed.
struct ServiceLevelPage {
    let serviceLevels: ServiceLevelSettings
    let pages: PageRenderer

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        let admin = staff.group("settings/service-levels").add(middleware: AdminOnly())
        admin.get(use: form)
        admin.post(use: save)
    }

    @Sendable func form(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let (calendar, policies) = try await serviceLevels.current(by: context.member, tenant: context.tenant, logger: context.logger)
        return try await FormProtection.withToken(for: request) { csrf in
            pages.serviceLevels(
                ServiceLevelDraft(calendar, policies),
                errors: [:],
                saved: request.uri.queryParameters.get("saved") != nil,
                member: context.member,
                tenant: context.tenant,
                csrf: csrf,
                language: context.language,
                status: .ok
            )
        }
    }

    @Sendable func save(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let draft = ServiceLevelDraft(form)
        return try await FormProtection.answer(request, posted: form["csrf"]) { _ in
            let (calendar, policies) = try draft.settings()
            try await serviceLevels.replace(calendar, policies, by: context.member, tenant: context.tenant, logger: context.logger)
            return .seeOther(.staff(.serviceLevels).with(query: "saved"), of: context.tenant)
        } refused: { refusal, csrf in
            pages.serviceLevels(
                draft,
                errors: refusal.fieldErrors(context.language),
                saved: false,
                member: context.member,
                tenant: context.tenant,
                csrf: csrf,
                language: context.language,
                status: refusal.status
            )
        }
    }
}
