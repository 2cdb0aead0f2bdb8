import Foundation
import Hummingbird
import PGStore

/// A signed-in visitor's request pages (PRODUCT.md B6, B7, B17): "my requests" with filters and
/// paging, one request with its conversation, and replying to it. Signed-out visitors are sent to
/// the front page to sign in; what they may see is what the API shows them.
struct RequestPages {
    let desk: RequestDesk
    let pages: PageRenderer

    func addRoutes(to portal: RouterGroup<TenantRequestContext>) {
        let signedIn = portal.group(context: SignedInRequestContext.self)
        signedIn.get("requests", use: list)
        signedIn.get("requests/:code", use: request)
        signedIn.post("requests/:code/reply", use: reply)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        // Read as the filter form sends it, as `TicketListQuery` reads it (a space as `+`).
        let query = FormFields(request.uri.query ?? "")
        let entered = ["code", "contact", "from", "to", "status"].reduce(into: [String: String]()) {
            $0[$1] = query[$1].map { String($0.prefix(200)) } ?? ""
        }
        let workflows = try await desk.workflows(tenant: context.tenant, logger: context.logger)
        func page(_ tickets: [Ticket], next: String?, error: PortalError?) -> Response {
            pages.requests(
                tickets: tickets,
                workflows: workflows,
                filter: entered,
                next: next,
                error: error.map { Catalog.message($0.reason, context.language) },
                principal: context.principal,
                tenant: context.tenant,
                language: context.language,
                status: error?.status ?? .ok
            )
        }
        do {
            let asked = try TicketListQuery(request, tenant: context.tenant)
            let found = try await desk.list(
                asked.filter,
                status: asked.status,
                sort: asked.sort,
                after: asked.cursor,
                limit: 20,
                for: context.principal,
                tenant: context.tenant,
                logger: context.logger
            )
            let next = found.next.map { cursor -> String in
                let kept = entered.filter { !$0.value.isEmpty }.map {
                    "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                }
                return "requests?" + (kept + ["cursor=\(TicketListQuery.encode(cursor))"]).joined(separator: "&")
            }
            return page(found.tickets.map(\.ticket), next: next, error: nil)
        } catch let refusal as PortalError {
            return page([], next: nil, error: refusal)
        }
    }

    @Sendable func request(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        // Not found answers the notice page (PageRefusalMiddleware).
        let detail = try await desk.ticket(
            code: TicketController.code(context),
            for: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        return try await FormProtection.withToken(for: request) { csrf in
            pages.request(
                detail,
                principal: context.principal,
                tenant: context.tenant,
                csrf: csrf,
                reply: "",
                replyError: nil,
                language: context.language,
                status: .ok
            )
        }
    }

    @Sendable func reply(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let code = TicketController.code(context)
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
                by: context.principal,
                tenant: context.tenant,
                logger: context.logger
            )
            return .seeOther(.request(detail.ticket.code), of: context.tenant)
        } catch let refusal as PortalError where refusal.reason != .ticketNotFound {
            let detail = try await desk.ticket(code: code, for: context.principal, tenant: context.tenant, logger: context.logger)
            return pages.request(
                detail,
                principal: context.principal,
                tenant: context.tenant,
                csrf: csrf,
                reply: form["text"] ?? "",
                replyError: Catalog.message(refusal.reason, context.language),
                language: context.language,
                status: refusal.status
            )
        }
    }
}
