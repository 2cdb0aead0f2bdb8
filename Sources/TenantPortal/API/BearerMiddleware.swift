import Foundation
import Hummingbird
import Logging
import PGStore

/// Finds who is calling from `Authorization: Bearer <session or customer token>` or the session
/// cookie. A missing value leaves the request anonymous, and so does a session cookie that no
/// longer opens a session (the browser keeps a cookie after its session ended; that must not
/// stop it from signing in again), so routes that need a principal answer 401 themselves. An
/// unknown, revoked or expired `Authorization` value is 401 at once. Pages read the cookie only
/// (`readsAuthorization: false`): a browser sends no `Authorization` of its own.
struct BearerMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext
    static let cookieName = "portal_session"

    let signIn: SignInDesk
    var readsAuthorization = true

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let bearer = readsAuthorization ? Self.bearer(in: request) : request.cookies[Self.cookieName]?.value
        guard let bearer, !bearer.isEmpty else { return try await next(request, context) }
        guard let principal = try await signIn.principal(bearer: bearer, tenant: context.tenant, logger: context.logger) else {
            if !readsAuthorization || request.headers[.authorization] == nil { return try await next(request, context) }
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
        Cookie(
            name: cookieName,
            value: token,
            expires: expires,
            path: PortalPath.front.href(tenant.slug),
            secure: request.arrivedOverHTTPS,
            httpOnly: true,
            sameSite: .lax
        )
    }

    /// The session cookie expired, with the attributes it was set with, so the browser drops it.
    static func expiredSessionCookie(tenant: Tenant, request: Request) -> Cookie {
        sessionCookie("", expires: Date(timeIntervalSince1970: 0), tenant: tenant, request: request)
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
