import Foundation
import Hummingbird
import PGStore

/// The portal's front page with signing in and out (PRODUCT.md C1, C2): a customer signs in with
/// its organisation's token, staff and portal users with a username and password; the session is
/// the same cookie the API reads. Forms carry the CSRF token (`FormProtection`).
extension TenantRoutes {
    struct SignInForm: Decodable {
        var csrf: String?
        var token: String?
        var username: String?
        var password: String?
    }

    func addSignInPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get { request, context in
            let tenant = try context.requireTenant()
            let introduction = try await introductions.current(tenant: tenant, logger: context.logger)
            let me = try await visitor(request, tenant: tenant, context)
            return try await FormProtection.withToken(for: request) { csrf in
                pages.landing(tenant: tenant, introduction: introduction, me: me, csrf: csrf, language: context.language)
            }
        }
        portal.post("sign-in") { request, context in
            let tenant = try context.requireTenant()
            let language = context.language
            let form = try await Self.form(SignInForm.self, request) ?? SignInForm()
            let (csrf, _) = FormProtection.token(for: request)
            let introduction = try await introductions.current(tenant: tenant, logger: context.logger)
            func refuse(_ message: String, _ status: HTTPResponse.Status) -> Response {
                pages.landing(
                    tenant: tenant,
                    introduction: introduction,
                    me: nil,
                    csrf: csrf,
                    error: message,
                    username: form.username ?? "",
                    language: language,
                    status: status
                )
            }
            guard FormProtection.accepts(form.csrf, request: request) else { return refuse(PortalText.formExpired(language), .forbidden) }
            let credentials: SignInDesk.Credentials
            if let token = form.token?.trimmed, !token.isEmpty {
                credentials = .token(token)
            } else if let username = form.username, !username.isEmpty, let password = form.password, !password.isEmpty {
                credentials = .password(username: username, password: password)
            } else {
                return refuse(Catalog.message(.signInFailed, language), .unprocessableContent)
            }
            do {
                let session = try await signIn.signIn(credentials, address: context.clientAddress, tenant: tenant, logger: context.logger)
                var response = Self.redirect(to: .front, of: tenant)
                response.setCookie(BearerMiddleware.sessionCookie(session.token, expires: session.expiresAt, tenant: tenant, request: request))
                return response
            } catch let refusal as PortalError {
                return refuse(Catalog.message(refusal.reason, language), refusal.status)
            }
        }
        portal.post("sign-out") { request, context in
            let tenant = try context.requireTenant()
            let form = try await Self.form(SignInForm.self, request) ?? SignInForm()
            var response = Self.redirect(to: .front, of: tenant)
            guard FormProtection.accepts(form.csrf, request: request) else { return response }
            if let bearer = request.cookies[BearerMiddleware.cookieName]?.value {
                try await signIn.signOut(bearer: bearer, tenant: tenant, logger: context.logger)
            }
            response.setCookie(BearerMiddleware.expiredSessionCookie(tenant: tenant, request: request))
            return response
        }
    }

    /// Who the session cookie belongs to; nil when signed out or the session ended.
    func signedIn(_ request: Request, tenant: Tenant, _ context: PortalRequestContext) async throws -> Principal? {
        guard let bearer = request.cookies[BearerMiddleware.cookieName]?.value, !bearer.isEmpty else { return nil }
        return try await signIn.principal(bearer: bearer, tenant: tenant, logger: context.logger)
    }

    /// The signed-in visitor with a customer's administrators, for the front page.
    private func visitor(_ request: Request, tenant: Tenant, _ context: PortalRequestContext) async throws -> MeView? {
        guard let principal = try await signedIn(request, tenant: tenant, context) else { return nil }
        return MeView(principal, admins: try await signIn.admins(of: principal, tenant: tenant, logger: context.logger), tenant: tenant)
    }

    /// A posted `application/x-www-form-urlencoded` form; nil when it cannot be read.
    static func form<Form: Decodable>(_ type: Form.Type, _ request: Request) async throws -> Form? {
        let body = try await request.body.collect(upTo: 65_536)
        return try? URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
    }
}
