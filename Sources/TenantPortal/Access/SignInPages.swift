import Foundation
import Hummingbird
import PGStore

/// The portal's front page with signing in and out (PRODUCT.md C1, C2), and the staff's own
/// sign-in page: a customer signs in with its organisation's token, staff and portal users with a
/// username and password; the session is the same cookie the API reads. Forms carry the CSRF
/// token (`FormProtection`).
struct SignInPages {
    let signIn: SignInDesk
    let introductions: ServiceIntroductionDesk
    let pages: PageRenderer

    struct SignInForm: Decodable {
        var csrf: String?
        var token: String?
        var username: String?
        var password: String?
    }

    func addRoutes(to portal: RouterGroup<TenantRequestContext>) {
        portal.get(use: front)
        portal.post("sign-in", use: signInPosted)
        portal.post("sign-out", use: signOut)
        portal.get("staff/login", use: staffLogin)
        portal.post("staff/login", use: staffLoginPosted)
    }

    @Sendable func front(_ request: Request, context: TenantRequestContext) async throws -> Response {
        let tenant = context.tenant
        let introduction = try await introductions.current(tenant: tenant, logger: context.logger)
        var me: MeView?
        if let principal = context.principal {
            me = MeView(principal, admins: try await signIn.admins(of: principal, tenant: tenant, logger: context.logger), tenant: tenant)
        }
        return try await FormProtection.withToken(for: request) { csrf in
            pages.landing(tenant: tenant, introduction: introduction, me: me, csrf: csrf, language: context.language)
        }
    }

    @Sendable func signInPosted(_ request: Request, context: TenantRequestContext) async throws -> Response {
        let tenant = context.tenant
        let language = context.language
        let form = try await request.form(SignInForm.self) ?? SignInForm()
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
            return Self.signedIn(session, to: .front, tenant: tenant, request: request)
        } catch let refusal as PortalError {
            return refuse(Catalog.message(refusal.reason, language), refusal.status)
        }
    }

    @Sendable func signOut(_ request: Request, context: TenantRequestContext) async throws -> Response {
        let form = try await request.form(SignInForm.self) ?? SignInForm()
        var response = Response.seeOther(.front, of: context.tenant)
        guard FormProtection.accepts(form.csrf, request: request) else { return response }
        if let bearer = context.bearer {
            try await signIn.signOut(bearer: bearer, tenant: context.tenant, logger: context.logger)
        }
        response.setCookie(BearerMiddleware.expiredSessionCookie(tenant: context.tenant, request: request))
        return response
    }

    @Sendable func staffLogin(_ request: Request, context: TenantRequestContext) async throws -> Response {
        try await FormProtection.withToken(for: request) { csrf in
            pages.staffLogin(csrf: csrf, error: nil, username: "", language: context.language, status: .ok)
        }
    }

    /// Only staff may sign in here: anyone else's new session is ended at once.
    @Sendable func staffLoginPosted(_ request: Request, context: TenantRequestContext) async throws -> Response {
        let tenant = context.tenant
        let language = context.language
        let form = try await request.form(SignInForm.self) ?? SignInForm()
        let (csrf, _) = FormProtection.token(for: request)
        func refuse(_ message: String, _ status: HTTPResponse.Status) -> Response {
            pages.staffLogin(csrf: csrf, error: message, username: form.username ?? "", language: language, status: status)
        }
        guard FormProtection.accepts(form.csrf, request: request) else { return refuse(PortalText.formExpired(language), .forbidden) }
        guard let username = form.username, !username.isEmpty, let password = form.password, !password.isEmpty else {
            return refuse(Catalog.message(.signInFailed, language), .unprocessableContent)
        }
        do {
            let session = try await signIn.signIn(
                .password(username: username, password: password),
                address: context.clientAddress,
                tenant: tenant,
                logger: context.logger
            )
            guard session.principal.isStaff else {
                try await signIn.signOut(bearer: session.token, tenant: tenant, logger: context.logger)
                return refuse(StaffText.staffOnly(language), .forbidden)
            }
            return Self.signedIn(session, to: .staffHome, tenant: tenant, request: request)
        } catch let refusal as PortalError {
            return refuse(Catalog.message(refusal.reason, language), refusal.status)
        }
    }

    /// On to `path` with the new session's cookie set.
    static func signedIn(_ session: SignInDesk.Session, to path: PortalPath, tenant: Tenant, request: Request) -> Response {
        var response = Response.seeOther(path, of: tenant)
        response.setCookie(BearerMiddleware.sessionCookie(session.token, expires: session.expiresAt, tenant: tenant, request: request))
        return response
    }
}
