import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// The JSON API under `/t/{slug}/api/v1` (PRODUCT.md I3), described by `openapi.yaml`: the group
/// every feature's API routes hang from, and signing in and out, who am I and my password.
struct APIRoutes {
    let signIn: SignInDesk

    /// The group: the tenant found, errors as JSON, the bearer resolved.
    static func api(_ router: Router<PortalRequestContext>, directory: TenantDirectory, signIn: SignInDesk) -> RouterGroup<PortalRequestContext> {
        router.group("t/:slug/api/v1")
            .add(middleware: TenantMiddleware.api(directory))
            .add(middleware: APIErrorMiddleware())
            .add(middleware: BearerMiddleware(signIn: signIn))
    }

    func add(to api: RouterGroup<PortalRequestContext>) {
        addSessions(to: api)
        api.get("me") { _, context in
            let principal = try context.requirePrincipal()
            let tenant = try context.requireTenant()
            return MeView(principal, admins: try await signIn.admins(of: principal, tenant: tenant, logger: context.logger), tenant: tenant)
        }
        api.put("me/password") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeBody(PasswordChange.self, context: context)
            for (field, value) in [("current_password", body.currentPassword), ("new_password", body.newPassword)] {
                try TextInput.checkCharacters(value ?? "", field: field)
            }
            try await signIn.changePassword(
                current: body.currentPassword ?? "",
                new: body.newPassword ?? "",
                principal: principal,
                bearer: context.bearer,
                address: context.clientAddress,
                tenant: try context.requireTenant(),
                logger: context.logger
            )
            return HTTPResponse.Status.noContent
        }
    }

    struct SignInRequest: Decodable {
        var username: String?
        var password: String?
        var token: String?
    }

    struct PasswordChange: Decodable {
        var currentPassword: String?
        var newPassword: String?
    }

    private func addSessions(to api: RouterGroup<PortalRequestContext>) {
        api.post("sessions") { request, context in
            let body = try await request.decodeBody(SignInRequest.self, context: context)
            for (field, value) in [("username", body.username), ("password", body.password), ("token", body.token)] {
                try TextInput.checkCharacters(value ?? "", field: field)
            }
            let credentials: SignInDesk.Credentials
            if let token = body.token, !token.isEmpty {
                credentials = .token(token)
            } else if let username = body.username, !username.isEmpty, let password = body.password, !password.isEmpty {
                credentials = .password(username: username, password: password)
            } else {
                throw PortalError.invalid(field: body.username == nil ? "token" : "password", .required)
            }
            let tenant = try context.requireTenant()
            let session = try await signIn.signIn(credentials, address: context.clientAddress, tenant: tenant, logger: context.logger)
            let admins = try await signIn.admins(of: session.principal, tenant: tenant, logger: context.logger)
            let me = MeView(session.principal, admins: admins, tenant: tenant)
            var response = try EditedResponse(
                status: .created,
                response: SessionView(token: session.token, expiresAt: session.expiresAt, me: me)
            ).response(from: request, context: context)
            response.setCookie(BearerMiddleware.sessionCookie(session.token, expires: session.expiresAt, tenant: tenant, request: request))
            return response
        }
        api.delete("sessions/current") { request, context in
            _ = try context.requirePrincipal()
            let tenant = try context.requireTenant()
            if let bearer = context.bearer {
                try await signIn.signOut(bearer: bearer, tenant: tenant, logger: context.logger)
            }
            var response = Response(status: .noContent)
            // Else the browser keeps sending the cookie of a session that no longer exists.
            if request.cookies[BearerMiddleware.cookieName] != nil {
                response.setCookie(BearerMiddleware.expiredSessionCookie(tenant: tenant, request: request))
            }
            return response
        }
    }
}

extension Request {
    /// Behind a TLS-terminating proxy only its `X-Forwarded-Proto` tells; a wrong "https" merely makes
    /// the cookie stricter.
    var arrivedOverHTTPS: Bool {
        uri.scheme == .https || headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// The JSON body as `type`; anything unreadable is the API's "malformed body" error.
    func decodeBody<T: Decodable>(_ type: T.Type, context: PortalRequestContext) async throws -> T {
        do {
            return try await decode(as: type, context: context)
        } catch {
            throw PortalError.malformedBody
        }
    }
}
