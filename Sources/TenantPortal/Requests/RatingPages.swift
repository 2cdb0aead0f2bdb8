import Foundation
import Hummingbird
import PGStore

/// `/t/{slug}/rate/{code}?k=...`: the page the completion mail links to (PRODUCT.md B9). It works
/// without sign-in and without script: a plain form posted back to the same address.
struct RatingPages {
    let desk: RequestDesk
    let pages: PageRenderer

    struct RatingForm: Decodable {
        var csrf: String?
        var handling: Int?
        var attitude: Int?
        var comment: String?
    }

    func addRoutes(to portal: RouterGroup<TenantRequestContext>) {
        portal.get("rate/:code", use: form)
        portal.post("rate/:code", use: rate)
    }

    @Sendable func form(_ request: Request, context: TenantRequestContext) async throws -> Response {
        try await ratingPage(request, context, form: nil)
    }

    @Sendable func rate(_ request: Request, context: TenantRequestContext) async throws -> Response {
        try await ratingPage(request, context, form: try await request.form(RatingForm.self) ?? RatingForm())
    }

    /// Shows the page, after storing `form` when one was posted; refusals are shown on the page in
    /// the visitor's language, with what they entered kept.
    private func ratingPage(_ request: Request, _ context: TenantRequestContext, form: RatingForm?) async throws -> Response {
        let tenant = context.tenant
        let code = TicketController.code(context).uppercased()
        let key = request.uri.queryParameters.get("k") ?? ""
        let language = context.language
        let entered = (handling: form?.handling, attitude: form?.attitude, comment: form?.comment ?? "")
        let (csrf, newCookie) = FormProtection.token(for: request)
        do {
            var (title, rating) = try await desk.ratingPage(code: code, key: key, tenant: tenant, logger: context.logger)
            var error: String?
            var status = HTTPResponse.Status.ok
            if let form, rating == nil, !FormProtection.accepts(form.csrf, request: request) {
                error = PortalText.formExpired(language)
                status = .forbidden
            } else if let form, rating == nil {
                do {
                    rating = try await desk.rate(
                        code: code,
                        key: key,
                        handling: form.handling,
                        attitude: form.attitude,
                        comment: form.comment,
                        tenant: tenant,
                        logger: context.logger
                    )
                } catch let refusal as PortalError {
                    error = Catalog.message(refusal.reason, language)
                    status = refusal.status
                }
            }
            var response = pages.rating(
                code: code,
                key: key,
                title: title,
                rating: rating,
                error: error,
                form: entered,
                csrf: csrf,
                language: language,
                status: status
            )
            if let newCookie { response.setCookie(newCookie) }
            return response
        } catch let refusal as PortalError {
            return pages.notice(.refused(Catalog.message(refusal.reason, language)), language: language, status: refusal.status)
        }
    }
}
