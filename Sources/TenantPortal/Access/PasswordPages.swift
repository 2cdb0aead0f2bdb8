import Foundation
import Hummingbird
import PGStore

/// Where a signed-in person changes their own password: staff in their workspace, portal users
/// (lottery agents, employees) on the portal. Customer organisations sign in with a token and
/// have none.
enum PasswordPlace: CaseIterable {
    case workspace, portal

    /// Under `/t/{slug}/`.
    var path: String { self == .workspace ? "staff/password" : "password" }
}

/// The password form (C1, E1, I4): the current password and the new one twice. A wrong current
/// password counts as a failed sign-in; on success every other session of the person ends, this
/// one stays.
extension TenantRoutes {
    /// The fields of a form that sets a password: this page's, and an invitation's (which carries
    /// its key `k` instead of the current password).
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

    func addPasswordPages(to portal: RouterGroup<PortalRequestContext>) {
        for place in PasswordPlace.allCases {
            portal.get(RouterPath(place.path)) { request, context in
                try await passwordHolderPage(place, request, context) { principal, tenant, csrf in
                    pages.passwordChange(
                        place,
                        errors: [:],
                        saved: false,
                        principal: principal,
                        tenant: tenant,
                        csrf: csrf,
                        language: context.language
                    )
                }
            }
            portal.post(RouterPath(place.path)) { request, context in
                try await passwordHolderPage(place, request, context) { principal, tenant, csrf in
                    let form = try await Self.form(PasswordForm.self, request) ?? PasswordForm()
                    func page(errors: [String: String], status: HTTPResponse.Status) -> Response {
                        pages.passwordChange(
                            place,
                            errors: errors,
                            saved: errors.isEmpty,
                            principal: principal,
                            tenant: tenant,
                            csrf: csrf,
                            language: context.language,
                            status: status
                        )
                    }
                    do {
                        guard FormProtection.accepts(form.csrf, request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                        try await signIn.changePassword(
                            current: form.currentPassword ?? "",
                            new: try form.chosenPassword(),
                            principal: principal,
                            bearer: request.cookies[BearerMiddleware.cookieName]?.value,
                            address: context.clientAddress,
                            tenant: tenant,
                            logger: context.logger
                        )
                        return page(errors: [:], status: .ok)
                    } catch let refusal as PortalError {
                        return page(errors: [refusal.field ?? "form": Catalog.message(refusal.reason, context.language)], status: refusal.status)
                    }
                }
            }
        }
    }

    /// The page from `page` for someone with a password: in the workspace a staff member (through
    /// the staff gate), on the portal anyone signed in with a password; a customer organisation is
    /// told it has none, a visitor is sent to sign in.
    private func passwordHolderPage(
        _ place: PasswordPlace,
        _ request: Request,
        _ context: PortalRequestContext,
        _ page: (Principal, Tenant, _ csrf: String) async throws -> Response
    ) async throws -> Response {
        if place == .workspace { return try await staffPage(request, context, page) }
        let tenant = try context.requireTenant()
        guard let principal = try await signedIn(request, tenant: tenant, context) else { return Self.redirect(to: .front, of: tenant) }
        guard principal.passwordLogin != nil else {
            return pages.notice(.refused(Catalog.message(.noPassword, context.language)), language: context.language, status: .forbidden)
        }
        return try await FormProtection.withToken(for: request) { try await page(principal, tenant, $0) }
    }
}
