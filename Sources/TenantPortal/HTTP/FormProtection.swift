import Foundation
import Hummingbird

/// Cross-site request forgery protection for the portal's forms, double-submit style: every page
/// with a form makes sure the browser holds a random `portal_csrf` cookie and puts the same value
/// in a hidden field; a POST is taken only when the two agree. Another site can make a browser send
/// the cookie, but cannot read it to fill in the field.
enum FormProtection {
    static let cookieName = "portal_csrf"
    static let fieldName = "csrf"

    /// The visitor's token, and the cookie to set when the visitor has none yet.
    static func token(for request: Request) -> (value: String, newCookie: Cookie?) {
        if let existing = request.cookies[cookieName]?.value, existing.count >= 22 { return (existing, nil) }
        let value = Secrets.newToken()
        return (value, Cookie(name: cookieName, value: value, path: "/", secure: request.arrivedOverHTTPS, httpOnly: true, sameSite: .lax))
    }

    /// The page `page` renders with the visitor's token in its forms, with the token's cookie when
    /// the visitor had none.
    static func withToken(for request: Request, _ page: (_ csrf: String) async throws -> Response) async throws -> Response {
        let (csrf, newCookie) = token(for: request)
        var response = try await page(csrf)
        if let newCookie { response.setCookie(newCookie) }
        return response
    }

    /// Whether a posted form carries the visitor's token.
    static func accepts(_ posted: String?, request: Request) -> Bool {
        guard let cookie = request.cookies[cookieName]?.value, let posted, !cookie.isEmpty else { return false }
        return Secrets.constantTimeEquals(cookie, posted)
    }

    /// The answer to a posted form, with the visitor's token for the page: `take` once the form's
    /// own token is accepted; when it is not, or `take` is refused, `refused` with the refusal (the
    /// form shown again with it, as typed).
    static func answer(
        _ request: Request,
        posted: String?,
        take: (_ csrf: String) async throws -> Response,
        refused: (_ refusal: PortalError, _ csrf: String) async throws -> Response
    ) async throws -> Response {
        try await withToken(for: request) { csrf in
            do {
                guard accepts(posted, request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                return try await take(csrf)
            } catch let refusal as PortalError {
                return try await refused(refusal, csrf)
            }
        }
    }
}
