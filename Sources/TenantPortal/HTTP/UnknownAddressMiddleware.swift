import Hummingbird
import PGStore

/// Answers an address no route serves (an unknown path, or a method its path does not take) the
/// way the rest of its area answers: under a tenant's API with a JSON error, under its portal with
/// a page, both in the visitor's language and after the same tenant checks as every other route.
/// Elsewhere Hummingbird's plain 404 stands. Hummingbird's router has no 405: it answers a wrong
/// method like a missing path, so the message names both. A module's route for a tenant without
/// the module (`ModuleGate`) is answered the same way.
struct UnknownAddressMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext

    /// Where under `/t/{slug}/` a path lies.
    struct Area: Equatable {
        var slug: String
        var isAPI: Bool

        init?(path: String) {
            let segments = path.split(separator: "/")
            guard segments.count >= 2, segments[0] == "t" else { return nil }
            slug = String(segments[1])
            isAPI = segments.count >= 4 && segments[2] == "api" && segments[3] == "v1"
        }
    }

    let directory: TenantDirectory
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && context.endpointPath == "NotFound" {
            guard let area = Area(path: request.uri.path) else { throw error }
            return try await answer(request, context, area: area)
        } catch let notServed as AddressNotServed {
            guard let area = Area(path: request.uri.path) else { throw notServed }
            return try await answer(request, context, area: area)
        }
    }

    private func answer(_ request: Request, _ context: Context, area: Area) async throws -> Response {
        if area.isAPI {
            return try await TenantMiddleware.api(directory).handle(request, context: context) { request, context in
                APIError.response(PortalError.addressNotFound(method: request.method.rawValue, path: request.uri.path), language: context.language)
            }
        }
        let pages = self.pages
        return try await PageMiddleware().handle(request, context: context) { request, context in
            try await TenantMiddleware.pages(directory, pages).handle(request, context: context) { _, context in
                pages.notice(.pageNotFound(name: context.tenant?.displayName ?? ""), language: context.language, status: .notFound)
            }
        }
    }
}
