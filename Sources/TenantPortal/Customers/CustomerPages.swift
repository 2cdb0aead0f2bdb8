import Foundation
import Hummingbird
import PGStore

/// The staff's customers and tokens (C1, C2), for administrators: issue a token to a new or a
/// token-less customer, rotate one, revoke one. A new token is shown once, on the answer to the
/// form that made it, never in a URL.
extension TenantRoutes {
    func addCustomerPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("staff/customers") { request, context in
            try await staffPage(request, context, adminOnly: true) { admin, tenant, csrf in
                let notice = request.uri.queryParameters.get("revoked") != nil ? CustomerText.revoked(context.language) : nil
                return try await customersPage(admin, tenant: tenant, csrf: csrf, context, notice: notice)
            }
        }
        for action in ["issue", "rotate", "revoke"] {
            portal.post(RouterPath("staff/customers/\(action)")) { request, context in
                try await staffPage(request, context, adminOnly: true) { admin, tenant, csrf in
                    let form = try await Self.form([String: String].self, request) ?? [:]
                    let logger = context.logger
                    do {
                        guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                        let issued: CustomerTokens.Issued
                        switch action {
                        case "issue":
                            issued = try await tokens.issue(
                                customer: form["customer"],
                                code: form["code"],
                                warrantyUntil: form["warranty_until"],
                                by: admin,
                                tenant: tenant,
                                logger: logger
                            )
                        case "rotate":
                            issued = try await tokens.rotate(customer: form["customer"], by: admin, tenant: tenant, logger: logger)
                        default:
                            try await tokens.revoke(customer: form["customer"], by: admin, tenant: tenant, logger: logger)
                            return Self.redirect(to: .staff(.customers).with(query: "revoked"), of: tenant)
                        }
                        return try await customersPage(admin, tenant: tenant, csrf: csrf, context, issued: issued)
                    } catch let refusal as PortalError {
                        let errors = [refusal.field ?? "form": Catalog.message(refusal.reason, context.language)]
                        return try await customersPage(
                            admin,
                            tenant: tenant,
                            csrf: csrf,
                            context,
                            entered: form,
                            errors: errors,
                            status: refusal.status
                        )
                    }
                }
            }
        }
    }

    private func customersPage(
        _ admin: Principal,
        tenant: Tenant,
        csrf: String,
        _ context: PortalRequestContext,
        issued: CustomerTokens.Issued? = nil,
        notice: String? = nil,
        entered: [String: String] = [:],
        errors: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        pages.customers(
            try await tokens.customers(by: admin, tenant: tenant, logger: context.logger),
            issued: issued,
            notice: notice,
            entered: issued == nil ? entered : [:],
            errors: errors,
            tenant: tenant,
            csrf: csrf,
            language: context.language,
            status: status
        )
    }
}
