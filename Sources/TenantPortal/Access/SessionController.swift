import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// Signing in and out through the API, "who am I" and one's own password (PRODUCT.md C1, I3, I4).
/// A session is also set as the cookie the pages read, so a page's script can call the API.
struct SessionController {
    let signIn: SignInDesk

    struct SignInRequest: Decodable {
        var username: String?
        var password: String?
        var token: String?
    }

    struct PasswordChange: Decodable {
        var currentPassword: String?
        var newPassword: String?
    }

    func addRoutes(to api: RouterGroup<TenantRequestContext>) {
        api.post("sessions", use: create)
        let signedIn = api.group(context: SignedInRequestContext.self)
        signedIn.delete("sessions/current", use: end)
        signedIn.get("me", use: me)
        signedIn.put("me/password", use: changePassword)
    }

    @Sendable func create(_ request: Request, context: TenantRequestContext) async throws -> Response {
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
        let tenant = context.tenant
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

    @Sendable func end(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        if let bearer = context.bearer {
            try await signIn.signOut(bearer: bearer, tenant: context.tenant, logger: context.logger)
        }
        var response = Response(status: .noContent)
        // Else the browser keeps sending the cookie of a session that no longer exists.
        if request.cookies[BearerMiddleware.cookieName] != nil {
            response.setCookie(BearerMiddleware.expiredSessionCookie(tenant: context.tenant, request: request))
        }
        return response
    }

    @Sendable func me(_ request: Request, context: SignedInRequestContext) async throws -> MeView {
        let admins = try await signIn.admins(of: context.principal, tenant: context.tenant, logger: context.logger)
        return MeView(context.principal, admins: admins, tenant: context.tenant)
    }

    @Sendable func changePassword(_ request: Request, context: SignedInRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeBody(PasswordChange.self, context: context)
        for (field, value) in [("current_password", body.currentPassword), ("new_password", body.newPassword)] {
            try TextInput.checkCharacters(value ?? "", field: field)
        }
        try await signIn.changePassword(
            current: body.currentPassword ?? "",
            new: body.newPassword ?? "",
            principal: context.principal,
            bearer: context.bearer,
            address: context.clientAddress,
            tenant: context.tenant,
            logger: context.logger
        )
        return .noContent
    }
}
