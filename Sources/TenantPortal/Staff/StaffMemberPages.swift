import Foundation
import Hummingbird
import PGStore

/// The administrators' staff page (A1): the roster, inviting a colleague by mail (the link is also
/// shown once, on the answer to the form, for when mail is slow to arrive), sending an unused
/// invitation again, changing a member's role or team, and stopping or restoring their access.
extension TenantRoutes {
    func addStaffMemberPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("staff/members") { request, context in
            try await staffPage(request, context, adminOnly: true) { admin, tenant, csrf in
                try await membersPage(admin, tenant: tenant, csrf: csrf, context)
            }
        }
        portal.post("staff/members/invite") { request, context in
            try await staffPage(request, context, adminOnly: true) { admin, tenant, csrf in
                let form = try await Self.form([String: String].self, request) ?? [:]
                do {
                    guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                    let invitation = try await roster.invite(
                        username: form["username"],
                        name: form["name"],
                        email: form["email"],
                        role: form["role"],
                        team: form["team"],
                        by: admin,
                        tenant: tenant,
                        logger: context.logger
                    )
                    return try await membersPage(admin, tenant: tenant, csrf: csrf, context, invited: invitation)
                } catch let refusal as PortalError {
                    return try await membersPage(
                        admin,
                        tenant: tenant,
                        csrf: csrf,
                        context,
                        entered: form,
                        errors: [refusal.field ?? "form": Catalog.message(refusal.reason, context.language)],
                        status: refusal.status
                    )
                }
            }
        }
        portal.post("staff/members/update") { request, context in
            try await staffPage(request, context, adminOnly: true) { admin, tenant, csrf in
                let form = try await Self.form([String: String].self, request) ?? [:]
                do {
                    guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                    let change = StaffRoster.Change(active: form["active"].map { $0 == "true" }, role: form["role"], team: form["team"])
                    try await roster.update(form["username"] ?? "", change, by: admin, tenant: tenant, logger: context.logger)
                    return Self.redirect(to: .staff(.members), of: tenant)
                } catch let refusal as PortalError {
                    return try await membersPage(
                        admin,
                        tenant: tenant,
                        csrf: csrf,
                        context,
                        errors: ["form": Catalog.message(refusal.reason, context.language)],
                        status: refusal.status
                    )
                }
            }
        }
    }

    private func membersPage(
        _ admin: Principal,
        tenant: Tenant,
        csrf: String,
        _ context: PortalRequestContext,
        invited: StaffInvitation? = nil,
        entered: [String: String] = [:],
        errors: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        pages.staffMembers(
            try await roster.members(by: admin, tenant: tenant, logger: context.logger),
            viewer: admin,
            invited: invited,
            entered: invited == nil ? entered : [:],
            errors: errors,
            tenant: tenant,
            csrf: csrf,
            language: context.language,
            status: status
        )
    }
}
