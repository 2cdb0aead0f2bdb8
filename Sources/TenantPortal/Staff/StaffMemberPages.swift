import Foundation
import Hummingbird
import PGStore

/// The administrators' staff page (A1): the roster, inviting a colleague by mail (the link is also
/// shown once, on the answer to the form, for when mail is slow to arrive), sending an unused
/// invitation again, changing a member's role or team, and stopping or restoring their access.
struct StaffMemberPages {
    let roster: StaffRoster
    let pages: PageRenderer

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        let admin = staff.group("members").add(middleware: AdminOnly())
        admin.get(use: list)
        admin.post("invite", use: invite)
        admin.post("update", use: update)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await FormProtection.withToken(for: request) { csrf in try await page(context, csrf: csrf) }
    }

    @Sendable func invite(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await request.form([String: String].self) ?? [:]
        return try await FormProtection.answer(request, posted: form["csrf"]) { csrf in
            let invitation = try await roster.invite(
                username: form["username"],
                name: form["name"],
                email: form["email"],
                role: form["role"],
                team: form["team"],
                by: context.member,
                tenant: context.tenant,
                logger: context.logger
            )
            return try await page(context, csrf: csrf, invited: invitation)
        } refused: { refusal, csrf in
            let errors = refusal.fieldErrors(context.language)
            return try await page(context, csrf: csrf, entered: form, errors: errors, status: refusal.status)
        }
    }

    @Sendable func update(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await request.form([String: String].self) ?? [:]
        return try await FormProtection.answer(request, posted: form["csrf"]) { csrf in
            let change = StaffRoster.Change(active: form["active"].map { $0 == "true" }, role: form["role"], team: form["team"])
            try await roster.update(form["username"] ?? "", change, by: context.member, tenant: context.tenant, logger: context.logger)
            return .seeOther(.staff(.members), of: context.tenant)
        } refused: { refusal, csrf in
            let errors = ["form": Catalog.message(refusal.reason, context.language)]
            return try await page(context, csrf: csrf, errors: errors, status: refusal.status)
        }
    }

    private func page(
        _ context: StaffRequestContext,
        csrf: String,
        invited: StaffInvitation? = nil,
        entered: [String: String] = [:],
        errors: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        pages.staffMembers(
            try await roster.members(by: context.member, tenant: context.tenant, logger: context.logger),
            viewer: context.member,
            invited: invited,
            entered: invited == nil ? entered : [:],
            errors: errors,
            tenant: context.tenant,
            csrf: csrf,
            language: context.language,
            status: status
        )
    }
}
