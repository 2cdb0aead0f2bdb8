import Foundation
import Hummingbird
import PGStore

/// A signed-in visitor's request pages (PRODUCT.md B6, B7, B17): "my requests" with filters and
/// paging, one request with its conversation, and replying to it. Signed-out visitors are sent to
/// the front page to sign in; what they may see is what the API shows them.
extension TenantRoutes {
    func addRequestPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("requests") { request, context in
            let tenant = try context.requireTenant()
            guard let principal = try await signedIn(request, tenant: tenant, context) else { return Self.toFrontPage(tenant) }
            let query = request.uri.queryParameters
            let entered = ["code", "contact", "from", "to", "status"].reduce(into: [String: String]()) {
                $0[$1] = query.get($1).map { String($0.prefix(200)) } ?? ""
            }
            let workflows = try await desk.workflows(tenant: tenant, logger: context.logger)
            do {
                let (filter, status, cursor) = try TicketRoutes.filter(request, tenant: tenant)
                let page = try await desk.list(
                    filter,
                    status: status,
                    after: cursor,
                    limit: 20,
                    for: principal,
                    tenant: tenant,
                    logger: context.logger
                )
                let next = page.next.map { cursor -> String in
                    let kept = entered.filter { !$0.value.isEmpty }.map {
                        "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    }
                    return "requests?" + (kept + ["cursor=\(TicketRoutes.encode(cursor))"]).joined(separator: "&")
                }
                return pages.requests(
                    tickets: page.tickets,
                    workflows: workflows,
                    filter: entered,
                    next: next,
                    error: nil,
                    principal: principal,
                    tenant: tenant,
                    language: context.language,
                    status: .ok
                )
            } catch let refusal as PortalError {
                return pages.requests(
                    tickets: [],
                    workflows: workflows,
                    filter: entered,
                    next: nil,
                    error: Catalog.message(refusal.reason, context.language),
                    principal: principal,
                    tenant: tenant,
                    language: context.language,
                    status: refusal.status
                )
            }
        }
        portal.get("requests/:code") { request, context in
            let tenant = try context.requireTenant()
            guard let principal = try await signedIn(request, tenant: tenant, context) else { return Self.toFrontPage(tenant) }
            // Not found answers the notice page (PageRefusalMiddleware).
            let detail = try await desk.ticket(code: context.parameters.get("code") ?? "", for: principal, tenant: tenant, logger: context.logger)
            return try await FormProtection.withToken(for: request) { csrf in
                pages.request(
                    detail,
                    principal: principal,
                    tenant: tenant,
                    csrf: csrf,
                    reply: "",
                    replyError: nil,
                    language: context.language,
                    status: .ok
                )
            }
        }
        portal.post("requests/:code/reply") { request, context in
            let tenant = try context.requireTenant()
            guard let principal = try await signedIn(request, tenant: tenant, context) else { return Self.toFrontPage(tenant) }
            let code = context.parameters.get("code") ?? ""
            let form = try await PostedForm.read(request, limits: desk.limits)
            let (csrf, _) = FormProtection.token(for: request)
            do {
                if let refusal = form.refusal { throw refusal }
                guard FormProtection.accepts(form["csrf"], request: request) else {
                    throw PortalError.invalid(field: "text", .formExpired)
                }
                let detail = try await desk.addMessage(
                    code: code,
                    text: form["text"],
                    attaching: form.uploads,
                    by: principal,
                    tenant: tenant,
                    logger: context.logger
                )
                return Self.redirect(to: .request(detail.ticket.code), of: tenant)
            } catch let refusal as PortalError where refusal.reason != .ticketNotFound {
                let detail = try await desk.ticket(code: code, for: principal, tenant: tenant, logger: context.logger)
                return pages.request(
                    detail,
                    principal: principal,
                    tenant: tenant,
                    csrf: csrf,
                    reply: form["text"] ?? "",
                    replyError: Catalog.message(refusal.reason, context.language),
                    language: context.language,
                    status: refusal.status
                )
            }
        }
    }

    static func toFrontPage(_ tenant: Tenant) -> Response {
        redirect(to: .front, of: tenant)
    }
}
