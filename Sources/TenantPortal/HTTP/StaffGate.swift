import Hummingbird
import PGStore

/// Who may see a staff page: a signed-in staff member (an administrator for the settings pages).
/// Anyone else is turned away: a visitor or a customer to the staff sign-in page, an agent on an
/// administrators' page with a refusal.
enum StaffGate {
    case member(Principal)
    case away(Response)
}

extension TenantRoutes {
    func staffGate(_ request: Request, _ context: PortalRequestContext, adminOnly: Bool = false) async throws -> StaffGate {
        let tenant = try context.requireTenant()
        guard let principal = try await signedIn(request, tenant: tenant, context), principal.isStaff else {
            return .away(Self.redirect(to: .staffLogin, of: tenant))
        }
        if adminOnly, !principal.isStaffAdmin {
            return .away(pages.notice(.refused(Catalog.message(.adminOnly, context.language)), language: context.language, status: .forbidden))
        }
        return .member(principal)
    }

    /// A staff page: the member's page from `page` once the gate lets them in, with a fresh CSRF
    /// cookie when the browser had none.
    func staffPage(
        _ request: Request,
        _ context: PortalRequestContext,
        adminOnly: Bool = false,
        _ page: (Principal, Tenant, _ csrf: String) async throws -> Response
    ) async throws -> Response {
        let principal: Principal
        switch try await staffGate(request, context, adminOnly: adminOnly) {
        case .away(let response): return response
        case .member(let member): principal = member
        }
        let tenant = try context.requireTenant()
        return try await FormProtection.withToken(for: request) { try await page(principal, tenant, $0) }
    }
}
