import Foundation
import Hummingbird
import PGStore

/// The staff workspace under `/t/{slug}/staff/` (issue 5): its own sign-in page, and the queues
/// (mine, my team, unassigned, breaching soon) with counts. A signed-out visitor, or one signed in
/// as a customer, is sent to the sign-in page.
extension TenantRoutes {
    func addStaffPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("staff/login") { request, context in
            try await FormProtection.withToken(for: request) { csrf in
                pages.staffLogin(csrf: csrf, error: nil, username: "", language: context.language, status: .ok)
            }
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
                    .password(username: username, password: password),
                    address: context.clientAddress,
                    tenant: tenant,
                    logger: context.logger
                )
                guard session.principal.isStaff else {
                    try await signIn.signOut(bearer: session.token, tenant: tenant, logger: context.logger)
                    return refuse(StaffText.staffOnly(language), .forbidden)
                }
                var response = Self.redirect(to: .staffHome, of: tenant)
                response.setCookie(BearerMiddleware.sessionCookie(session.token, expires: session.expiresAt, tenant: tenant, request: request))
                return response
            } catch let refusal as PortalError {
                return refuse(Catalog.message(refusal.reason, language), refusal.status)
            }
        }
        portal.get("staff") { request, context in
            try await staffPage(request, context) { principal, tenant, csrf in
                let queue = request.uri.queryParameters.get("queue").flatMap(TicketStore.Queue.init(rawValue:)) ?? .mine
                let (counts, tickets, workflows) = try await desk.queues(queue, for: principal, tenant: tenant, logger: context.logger)
                return pages.staffQueues(
                    queue,
                    counts: counts,
                    tickets: tickets,
                    workflows: workflows,
                    principal: principal,
                    tenant: tenant,
                    csrf: csrf,
                    language: context.language
                )
            }
        }
    }
}

/// The staff ticket page: moving, assigning and noting (with files), each a plain form; moving and
/// assigning carry the version the member saw (a change made meanwhile is refused, nothing lost).
/// Each comes back to the page.
extension TenantRoutes {
    func addStaffTicketPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("staff/tickets/:code") { request, context in
            try await staffTicketPage(request, context, error: nil, status: .ok)
        }
        for action in ["move", "assign", "note"] {
            portal.post("staff/tickets/:code/\(action)") { request, context in
                let tenant = try context.requireTenant()
                guard case .member(let principal) = try await staffGate(request, context) else {
                    return Self.redirect(to: .staffLogin, of: tenant)
                }
                let code = context.parameters.get("code") ?? ""
                let form = try await PostedForm.read(request, limits: desk.limits)
                do {
                    if let refusal = form.refusal { throw refusal }
                    guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "csrf", .formExpired) }
                    let logger = context.logger
                    let version = form["version"].flatMap { Int($0) }
                    switch action {
                    case "move":
                        _ = try await desk.move(
                            code: code,
                            to: form["to"] ?? "",
                            note: form["note"],
                            version: version,
                            by: principal,
                            tenant: tenant,
                            logger: logger
                        )
                    case "assign":
                        _ = try await desk.assign(
                            code: code,
                            to: form["assignee"].flatMap { $0.isEmpty ? nil : $0 },
                            version: version,
                            by: principal,
                            tenant: tenant,
                            logger: logger
                        )
                    default:
                        _ = try await desk.addNote(
                            code: code,
                            text: form["text"],
                            isPublic: form["public"] == "true",
                            attaching: form.uploads,
                            by: principal,
                            tenant: tenant,
                            logger: logger
                        )
                    }
                    return Self.redirect(to: .staffTicket(code.uppercased()), of: tenant)
                } catch let refusal as PortalError where refusal.reason != .ticketNotFound {
                    return try await staffTicketPage(
                        request,
                        context,
                        error: Catalog.message(refusal.reason, context.language),
                        status: refusal.status
                    )
                }
            }
        }
    }

    private func staffTicketPage(
        _ request: Request,
        _ context: PortalRequestContext,
        error: String?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        try await staffPage(request, context) { principal, tenant, csrf in
            // Not found answers the notice page (PageRefusalMiddleware).
            let detail = try await desk.ticket(code: context.parameters.get("code") ?? "", for: principal, tenant: tenant, logger: context.logger)
            let (staff, replies) = try await desk.staffChoices(for: principal, tenant: tenant, logger: context.logger)
            return pages.staffTicket(
                detail,
                staff: staff,
                replies: replies,
                principal: principal,
                tenant: tenant,
                csrf: csrf,
                error: error,
                language: context.language,
                status: status
            )
        }
    }
}
