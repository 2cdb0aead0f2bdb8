import Foundation
import Hummingbird
import PGStore

/// The staff's customers and tokens (C1, C2), for administrators: issue a token to a new or a
/// token-less customer, rotate one, revoke one. A new token is shown once, on the answer to the
/// form that made it, never in a URL.
extension TenantRoutes {
    func addCustomerPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("staff/customers") { request, context in
            try await staffPage(request, context, adminOnly: true) { _, tenant, csrf in
                let notice = request.uri.queryParameters.get("revoked") != nil ? CustomerText.revoked(context.language) : nil
                return try await customersPage(tenant: tenant, csrf: csrf, context, notice: notice)
            }
        }
        for action in ["issue", "rotate", "revoke"] {
            portal.post("staff/customers/\(action)") { request, context in
                try await staffPage(request, context, adminOnly: true) { _, tenant, csrf in
                    let form = try await Self.form([String: String].self, request) ?? [:]
                    let language = context.language
                    do {
                        guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                        let name = try TextInput.required(form["name"], field: "name", limit: 200)
                        let token: String
                        switch action {
                        case "issue":
                            let warranty = try TextInput.optional(form["warranty_until"], field: "warranty_until", limit: 10).map { text throws(PortalError) in
                                guard let day = Accounts.warrantyDay(text) else { throw .invalid(field: "warranty_until", .invalidDate(text)) }
                                return day
                            }
                            token = try await accounts.issueToken(tenant: tenant, customer: name, warrantyUntil: warranty, logger: context.logger)
                        case "rotate":
                            token = try await accounts.rotateToken(tenant: tenant, customer: name, logger: context.logger)
                        default:
                            try await accounts.revokeToken(tenant: tenant, customer: name, logger: context.logger)
                            signIn.forgetHolders(of: tenant)
                            return Self.redirect("/t/\(tenant.slug)/staff/customers?revoked")
                        }
                        signIn.forgetHolders(of: tenant)
                        return try await customersPage(tenant: tenant, csrf: csrf, context, issued: .init(customer: name, token: token))
                    } catch let refusal as PortalError {
                        let errors = [refusal.field ?? "form": Catalog.message(refusal.reason, language)]
                        return try await customersPage(tenant: tenant, csrf: csrf, context, entered: form, errors: errors, status: refusal.status)
                    } catch let failure as Accounts.Failure {
                        let name = form["name"] ?? ""
                        let message = failure == .tokenExists(name) ? CustomerText.tokenExists(name, language) : CustomerText.noCustomer(name, language)
                        return try await customersPage(
                            tenant: tenant, csrf: csrf, context, entered: form, errors: ["name": message], status: .conflict)
                    }
                }
            }
        }
    }

    private func customersPage(
        tenant: Tenant, csrf: String, _ context: PortalRequestContext, issued: PageRenderer.IssuedToken? = nil, notice: String? = nil,
        entered: [String: String] = [:], errors: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        pages.customers(
            try await accounts.customers(tenant: tenant, logger: context.logger), issued: issued, notice: notice,
            entered: issued == nil ? entered : [:], errors: errors, tenant: tenant, csrf: csrf, language: context.language, status: status)
    }
}
