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

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let slugText = context.parameters.get("slug") ?? ""
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
