import HTTPTypes
import Hummingbird

/// What every page of a portal answers with (PRODUCT.md I1, issue 5's security list): the language
/// chosen with `?lang=` remembered in a cookie for the next pages, and headers that keep the page
/// from running anything but its own files: no inline script, no framing, no sniffing.
struct PageMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) {
            response.setCookie(
                Cookie(
                    name: Language.cookieName,
                    value: asked.rawValue,
                    maxAge: 365 * 86_400,
                    path: "/",
                    secure: request.arrivedOverHTTPS,
                    httpOnly: true,
                    sameSite: .lax
                )
            )
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}
