import Hummingbird
import Logging
import PGStore

/// Resolves `{slug}` for every route under `/t/{slug}/` and picks the visitor's language: an unknown
/// tenant is refused with 404, a suspended one with 403, as a page or as JSON for the API.
struct TenantMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext
    /// How a refusal is written: `PageRenderer.notice` for pages, `APIError.response` for the API.
    typealias Refusal = @Sendable (Catalog.Notice, Language, HTTPResponse.Status) -> Response

    let directory: TenantDirectory
    let refuse: Refusal

    /// For the JSON API: refusals as `{"error": ...}`.
    static func api(_ directory: TenantDirectory) -> TenantMiddleware {
        TenantMiddleware(directory: directory) { notice, language, status in APIError.refusal(notice, language: language, status: status) }
    }

    /// For the pages: refusals as a page saying why.
    static func pages(_ directory: TenantDirectory, _ pages: PageRenderer) -> TenantMiddleware {
        TenantMiddleware(directory: directory) { notice, language, status in pages.notice(notice, language: language, status: status) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // A matched route names the slug; an address no route matched (UnknownAddressMiddleware) has
        // it as the path's second segment.
        let slugText = context.parameters.get("slug") ?? UnknownAddressMiddleware.Area(path: request.uri.path)?.slug ?? ""
        let slug = try? TenantSlug(slugText)
        guard let slug, let tenant = try await directory.tenant(slug, logger: context.logger) else {
            return refuse(.tenantNotFound(slug: slugText), Language.negotiate(request: request, fallback: .vi), .notFound)
        }
        var context = context
        context.tenant = tenant
        context.language = Language.negotiate(request: request, fallback: tenant.language)
        context.logger[metadataKey: "tenant"] = "\(slug)"
        guard tenant.status == .active else {
            return refuse(.tenantSuspended(name: tenant.displayName), context.language, .forbidden)
        }
        return try await next(request, context)
    }
}
