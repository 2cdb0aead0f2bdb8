import Hummingbird
import Logging
import PGStore

/// Resolves `{slug}` for every route under `/t/{slug}/`: an unknown tenant gets the "not found" page,
/// a suspended one the "suspended" page (403), both in the visitor's language.
struct TenantMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext
    let directory: TenantDirectory
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let slugText = context.parameters.get("slug") ?? ""
        let slug = try? TenantSlug(slugText)
        guard let slug, let tenant = try await directory.tenant(slug, logger: context.logger) else {
            let language = Language.negotiate(request: request, fallback: .vi)
            return pages.notice(.tenantNotFound(slug: slugText), language: language, status: .notFound)
        }
        var context = context
        context.tenant = tenant
        context.logger[metadataKey: "tenant"] = "\(slug)"
        guard tenant.status == .active else {
            let language = Language.negotiate(request: request, fallback: tenant.language)
            return pages.notice(.tenantSuspended(name: tenant.displayName), language: language, status: .forbidden)
        }
        return try await next(request, context)
    }
}
