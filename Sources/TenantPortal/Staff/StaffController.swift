import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// `/staff`: the tenant's staff for its administrators (PRODUCT.md A1, I3), as the staff members
/// page has them: the roster, invitations by mail, and changing a member's access, role or team.
struct StaffController {
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

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("staff", use: list)
        api.post("staff/invitations", use: invite)
        api.patch("staff/:username", use: update)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> RosterView {
        let roster = try await roster.members(by: context.principal, tenant: context.tenant, logger: context.logger)
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

    @Sendable func invite(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let body = try await request.decodeBody(InvitationRequest.self, context: context)
        let invitation = try await roster.invite(
            username: body.username,
            name: body.name,
            email: body.email,
            role: body.role,
            team: body.team,
            by: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        let view = InvitationView(username: invitation.member.username, email: invitation.member.email, invitationLink: invitation.link)
        var response = try EditedResponse(status: .created, response: view).response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func update(_ request: Request, context: SignedInRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeBody(ChangeRequest.self, context: context)
        try await roster.update(
            context.parameters.get("username") ?? "",
            .init(active: body.active, role: body.role, team: body.team),
            by: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        return .noContent
    }
}
