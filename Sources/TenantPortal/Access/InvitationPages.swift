import Foundation
import Hummingbird
import PGStore

/// Where someone given a set-password link chooses their password: an invited staff member at
/// `/t/{slug}/staff/invitation?k=<token>` (PRODUCT.md A1), a portal user (agent, employee: E1, F1)
/// at `/t/{slug}/invitation?k=<token>`. Choosing it signs them in and sends them to the workspace
/// or the portal; the link then stops working. Its address holds the token, so
/// the page is sent with `Cache-Control: no-store` (and, like every page, a same-origin
/// `Referrer-Policy`, so no other site learns the address).
struct InvitationPages {
    let signIn: SignInDesk
    let pages: PageRenderer
    let holder: PasswordHolder

    func addRoutes(to portal: RouterGroup<TenantRequestContext>) {
        let path = PortalPath.invitation(holder).relative
        portal.get(RouterPath(path), use: form)
        portal.post(RouterPath(path), use: accept)
    }

    @Sendable func form(_ request: Request, context: TenantRequestContext) async throws -> Response {
        try await invitationPage(key: request.uri.queryParameters.get("k") ?? "", errors: [:], request, context, status: .ok)
    }

    @Sendable func accept(_ request: Request, context: TenantRequestContext) async throws -> Response {
        let form = try await request.form(PasswordForm.self) ?? PasswordForm()
        let key = form.k ?? ""
        do {
            guard FormProtection.accepts(form.csrf, request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
            let session = try await signIn.acceptInvitation(
                token: key,
                holder: holder,
                password: try form.chosenPassword(),
                tenant: context.tenant,
                logger: context.logger
            )
            return SignInPages.signedIn(session, to: holder == .staff ? .staffHome : .front, tenant: context.tenant, request: request)
        } catch let refusal as PortalError where refusal.field != nil {
            return try await invitationPage(
                key: key,
                errors: refusal.fieldErrors(context.language),
                request,
                context,
                status: refusal.status
            )
        }
    }

    /// The form for the invitation `key` names, with `errors` next to their fields; a page saying
    /// why when the link is unknown, used or expired.
    private func invitationPage(
        key: String,
        errors: [String: String],
        _ request: Request,
        _ context: TenantRequestContext,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let tenant = context.tenant
        let language = context.language
        var response: Response
        do {
            let invited = try await signIn.invitation(token: key, holder: holder, tenant: tenant, logger: context.logger)
            response = try await FormProtection.withToken(for: request) { csrf in
                pages.invitationForm(
                    key: key,
                    holder: holder,
                    username: invited.username,
                    name: invited.name,
                    errors: errors,
                    tenant: tenant,
                    csrf: csrf,
                    language: language,
                    status: status
                )
            }
        } catch let refusal as PortalError {
            response = pages.notice(.refused(Catalog.message(refusal.reason, language)), language: language, status: refusal.status)
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
