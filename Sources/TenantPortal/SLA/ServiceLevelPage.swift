import Hummingbird
import PGStore

/// The business hours and due times settings for administrators (B10): the same settings as
/// `PUT /settings/service-levels`, as one form; a refusal shows it again as typed.
extension TenantRoutes {
    func addServiceLevelPage(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("staff/settings/service-levels") { request, context in
            try await staffPage(request, context, adminOnly: true) { principal, tenant, csrf in
                let (calendar, policies) = try await serviceLevels.current(by: principal, tenant: tenant, logger: context.logger)
                return pages.serviceLevels(
                    ServiceLevelDraft(calendar, policies),
                    errors: [:],
                    saved: request.uri.queryParameters.get("saved") != nil,
                    tenant: tenant,
                    csrf: csrf,
                    language: context.language,
                    status: .ok
                )
            }
        }
        portal.post("staff/settings/service-levels") { request, context in
            try await staffPage(request, context, adminOnly: true) { principal, tenant, csrf in
                let form = try await FormFields.read(request)
                let draft = ServiceLevelDraft(form)
                do {
                    guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                    let (calendar, policies) = try draft.settings()
                    try await serviceLevels.replace(calendar, policies, by: principal, tenant: tenant, logger: context.logger)
                    return Self.redirect(to: .staff(.serviceLevels).with(query: "saved"), of: tenant)
                } catch let refusal as PortalError {
                    return pages.serviceLevels(
                        draft,
                        errors: [refusal.field ?? "form": Catalog.message(refusal.reason, context.language)],
                        saved: false,
                        tenant: tenant,
                        csrf: csrf,
                        language: context.language,
                        status: refusal.status
                    )
                }
            }
        }
    }
}
