import Foundation
import Hummingbird
import Logging
import PGStore

/// Finds who is calling from `Authorization: Bearer <session or customer token>` or the session
/// cookie. A missing value leaves the request anonymous; an unknown, revoked or expired one is 401.
struct BearerMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext
    static let cookieName = "portal_session"

    let signIn: SignInDesk

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let bearer = Self.bearer(in: request) else { return try await next(request, context) }
        guard let principal = try await signIn.principal(bearer: bearer, tenant: try context.requireTenant(), logger: context.logger) else {
            throw PortalError.notSignedIn
        }
        var context = context
        context.principal = principal
        context.bearer = bearer
        context.logger[metadataKey: "principal"] = "\(principal.key)"
        return try await next(request, context)
    }

    /// The session cookie: only for this tenant's pages and API, never readable by script, not
    /// sent on cross-site subrequests, and only over HTTPS when the request came that way.
    static func sessionCookie(_ token: String, expires: Date, tenant: Tenant, request: Request) -> Cookie {
        Cookie(name: cookieName, value: token, expires: expires, path: "/t/\(tenant.slug)/", secure: request.arrivedOverHTTPS, httpOnly: true, sameSite: .lax)
    }

    static func bearer(in request: Request) -> String? {
        if let header = request.headers[.authorization] {
            // Every authenticated request comes through here: plain character tests rather than
            // Foundation's CharacterSet trimming, which cost more than the rest of this middleware.
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            var value = parts[1]
            while value.first?.isWhitespace == true { value.removeFirst() }
            while value.last?.isWhitespace == true { value.removeLast() }
            return value.isEmpty ? nil : String(value)
        }
        return request.cookies[cookieName]?.value
    }
}
