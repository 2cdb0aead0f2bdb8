import Foundation
import Hummingbird
import Logging
import PGStore

/// Where a signed-in person changes their own password: staff in their workspace, portal users
/// (lottery agents, employees) on the portal. Customer organisations sign in with a token and
/// have none.
enum PasswordPlace: CaseIterable {
    case workspace, portal

    /// Under `/t/{slug}/`.
    var path: String { self == .workspace ? "staff/password" : "password" }
}

/// The fields of a form that sets a password: the password page's, and an invitation's (which
/// carries its key `k` instead of the current password).
struct PasswordForm: Decodable {
    var csrf: String?
    var k: String?
    var currentPassword: String?
    var newPassword: String?
    var repeatPassword: String?

    enum CodingKeys: String, CodingKey {
        case csrf, k
        case currentPassword = "current_password"
        case newPassword = "new_password"
        case repeatPassword = "repeat_password"
    }

    /// The new password, once both entries of it agree.
    func chosenPassword() throws(PortalError) -> String {
        guard newPassword == repeatPassword else { throw .invalid(field: "repeat_password", .passwordsDiffer) }
        return newPassword ?? ""
    }
}

/// The password form (C1, E1, I4): the current password and the new one twice. A wrong current
/// password counts as a failed sign-in; on success every other session of the person ends, this
/// one stays.
struct PasswordPages {
    let signIn: SignInDesk
    let pages: PageRenderer

    /// The one who changes their password, wherever the page is.
    struct Holder {
        var principal: Principal
        var tenant: Tenant
        var bearer: String?
        var clientAddress: String
        var language: Language
        var logger: Logger
    }

    func addRoutes(to portal: RouterGroup<TenantRequestContext>) {
        let signedIn = portal.group(context: SignedInRequestContext.self)
        signedIn.get(RouterPath(PasswordPlace.portal.path), use: portalForm)
        signedIn.post(RouterPath(PasswordPlace.portal.path), use: portalFormPosted)
    }

    func addStaffRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get("password", use: workspaceForm)
        staff.post("password", use: workspaceFormPosted)
    }

    @Sendable func portalForm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await page(.portal, try Self.holder(context), request, posted: false)
    }

    @Sendable func portalFormPosted(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await page(.portal, try Self.holder(context), request, posted: true)
    }

    @Sendable func workspaceForm(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await page(.workspace, Self.holder(context), request, posted: false)
    }

    @Sendable func workspaceFormPosted(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await page(.workspace, Self.holder(context), request, posted: true)
    }

    /// On the portal anyone signed in with a password; a customer organisation is told it has none.
    private static func holder(_ context: SignedInRequestContext) throws -> Holder {
        guard context.principal.passwordLogin != nil else { throw PortalError.noPassword }
        return Holder(
            principal: context.principal,
            tenant: context.tenant,
            bearer: context.bearer,
            clientAddress: context.clientAddress,
            language: context.language,
            logger: context.logger
        )
    }

    private static func holder(_ context: StaffRequestContext) -> Holder {
        Holder(
            principal: context.member,
            tenant: context.tenant,
            bearer: context.bearer,
            clientAddress: context.clientAddress,
            language: context.language,
            logger: context.logger
        )
    }

    private func page(_ place: PasswordPlace, _ holder: Holder, _ request: Request, posted: Bool) async throws -> Response {
        try await FormProtection.withToken(for: request) { csrf in
            func page(errors: [String: String], saved: Bool, status: HTTPResponse.Status) -> Response {
                pages.passwordChange(
                    place,
                    errors: errors,
                    saved: saved,
                    principal: holder.principal,
                    tenant: holder.tenant,
                    csrf: csrf,
                    language: holder.language,
                    status: status
                )
            }
            guard posted else { return page(errors: [:], saved: false, status: .ok) }
            let form = try await request.form(PasswordForm.self) ?? PasswordForm()
            do {
                guard FormProtection.accepts(form.csrf, request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                try await signIn.changePassword(
                    current: form.currentPassword ?? "",
                    new: try form.chosenPassword(),
                    principal: holder.principal,
                    bearer: holder.bearer,
                    address: holder.clientAddress,
                    tenant: holder.tenant,
                    logger: holder.logger
                )
                return page(errors: [:], saved: true, status: .ok)
            } catch let refusal as PortalError {
                return page(errors: refusal.fieldErrors(holder.language), saved: false, status: refusal.status)
            }
        }
    }
}
