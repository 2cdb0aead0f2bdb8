import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// `/staff`: the tenant's staff for its administrators (PRODUCT.md A1, I3), as the staff members
/// page has them: the roster, invitations by mail, and changing a member's access, role or team.
struct StaffRoutes {
    let roster: StaffRoster

    struct MemberView: Encodable {
        var username: String
        var name: String
        var role: String
        var team: String
        var email: String
        var active: Bool
        /// `pending` or `expired` while the member has not used their invitation; nil after.
        var invitation: String?
    }

    struct RosterView: ResponseEncodable {
        var members: [MemberView]
    }

    struct InvitationRequest: Decodable {
        var username: String?
        var name: String?
        var email: String?
        var role: String?
        var team: String?
    }

    struct InvitationView: ResponseEncodable {
        var username: String
        var email: String
        /// Shown this once; the mail carries the same link.
        var invitationLink: String
    }

    struct ChangeRequest: Decodable {
        var active: Bool?
        var role: String?
        var team: String?
    }

    func add(to api: RouterGroup<PortalRequestContext>) {
        api.get("staff") { _, context in
            let roster = try await roster.members(by: try context.requirePrincipal(), tenant: try context.requireTenant(), logger: context.logger)
            return RosterView(
                members: roster.map {
                    MemberView(
                        username: $0.member.username,
                        name: $0.member.displayName,
                        role: $0.member.role.rawValue,
                        team: $0.member.team,
                        email: $0.email,
                        active: $0.active,
                        invitation: $0.invitation.map { $0 == .pending ? "pending" : "expired" }
                    )
                }
            )
        }
        api.post("staff/invitations") { request, context in
            let admin = try context.requirePrincipal()
            let body = try await request.decodeBody(InvitationRequest.self, context: context)
            let invitation = try await roster.invite(
                username: body.username,
                name: body.name,
                email: body.email,
                role: body.role,
                team: body.team,
                by: admin,
                tenant: try context.requireTenant(),
                logger: context.logger
            )
            let view = InvitationView(username: invitation.member.username, email: invitation.member.email, invitationLink: invitation.link)
            var response = try EditedResponse(status: .created, response: view).response(from: request, context: context)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        api.patch("staff/:username") { request, context in
            let admin = try context.requirePrincipal()
            let body = try await request.decodeBody(ChangeRequest.self, context: context)
            let tenant = try context.requireTenant()
            try await roster.update(
                context.parameters.get("username") ?? "",
                .init(active: body.active, role: body.role, team: body.team),
                by: admin,
                tenant: tenant,
                logger: context.logger
            )
            return HTTPResponse.Status.noContent
        }
    }
}
