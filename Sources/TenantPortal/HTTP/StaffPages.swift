import Foundation
import Hummingbird
import PGStore

/// The staff workspace under `/t/{slug}/staff/` (issue 5): its own sign-in page, and the queues
/// (mine, my team, unassigned, breaching soon) with counts. A signed-out visitor, or one signed in
/// as a customer, is sent to the sign-in page.
extension TenantRoutes {
    func addStaffPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("staff/login") { request, context in
            let (csrf, newCookie) = FormProtection.token(for: request)
            var response = pages.staffLogin(csrf: csrf, error: nil, username: "", language: context.language, status: .ok)
            if let newCookie { response.setCookie(newCookie) }
            return response
        }
        portal.post("staff/login") { request, context in
            let tenant = try context.requireTenant()
            let language = context.language
            let form = try await Self.form(SignInForm.self, request) ?? SignInForm()
            let (csrf, _) = FormProtection.token(for: request)
            func refuse(_ message: String, _ status: HTTPResponse.Status) -> Response {
                pages.staffLogin(csrf: csrf, error: message, username: form.username ?? "", language: language, status: status)
            }
            guard FormProtection.accepts(form.csrf, request: request) else { return refuse(PortalText.formExpired(language), .forbidden) }
            guard let username = form.username, !username.isEmpty, let password = form.password, !password.isEmpty else {
                return refuse(Catalog.message(.signInFailed, language), .unprocessableContent)
            }
            do {
                let session = try await signIn.signIn(
                    .password(username: username, password: password), address: context.clientAddress, tenant: tenant, logger: context.logger)
                guard session.principal.isStaff else {
                    try await signIn.signOut(bearer: session.token, tenant: tenant, logger: context.logger)
                    return refuse(StaffText.staffOnly(language), .forbidden)
                }
                var response = Response.redirect(to: "/t/\(tenant.slug)/staff/", type: .found)
                response.status = .seeOther
                response.setCookie(BearerMiddleware.sessionCookie(session.token, expires: session.expiresAt, tenant: tenant, request: request))
                return response
            } catch let refusal as PortalError {
                return refuse(Catalog.message(refusal.reason, language), refusal.status)
            }
        }
        portal.get("staff") { request, context in
            let tenant = try context.requireTenant()
            guard let principal = try await signedIn(request, tenant: tenant, context), principal.isStaff else {
                var response = Response.redirect(to: "/t/\(tenant.slug)/staff/login", type: .found)
                response.status = .seeOther
                return response
            }
            let queue = request.uri.queryParameters.get("queue").flatMap(TicketStore.Queue.init(rawValue:)) ?? .mine
            let (counts, tickets, workflows) = try await desk.queues(queue, for: principal, tenant: tenant, logger: context.logger)
            let (csrf, newCookie) = FormProtection.token(for: request)
            var response = pages.staffQueues(
                queue, counts: counts, tickets: tickets, workflows: workflows, principal: principal, tenant: tenant, csrf: csrf, language: context.language)
            if let newCookie { response.setCookie(newCookie) }
            return response
        }
    }
}
