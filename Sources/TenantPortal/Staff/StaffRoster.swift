import Foundation
import Logging
import PGStore

/// The tenant's staff as its administrators manage them (PRODUCT.md A1, C1): who there is, inviting
/// a colleague by mail (`StaffInvitation`), changing a member's role or team, and stopping or
/// restoring their access. Every refusal names its field in the administrator's language.
struct StaffRoster: Sendable {
    let accounts: Accounts
    let invitations: InvitationMail
    /// Whose sign-ins a change of role, team or access makes stale on this instance.
    let signIn: SignInDesk
    var database: Database { accounts.database }
    let store = AccessStore()

    func members(by admin: Principal, tenant: Tenant, logger: Logger) async throws -> [StaffRosterEntry] {
        guard admin.isStaffAdmin else { throw PortalError.adminOnly }
        return try await database.reading(tenant.scope, logger: logger) { try await store.staffRoster(on: $0, logger: logger) }
    }

    /// Invites a new member, or sends a member who never used their invitation a new one.
    func invite(
        username: String?,
        name: String?,
        email: String?,
        role: String?,
        team: String?,
        by admin: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> StaffInvitation {
        guard admin.isStaffAdmin else { throw PortalError.adminOnly }
        let username = try TextInput.required(username, field: "username", limit: 40)
        let email = try TextInput.required(email, field: "email", limit: 254)
        let staffRole = try Self.role(try TextInput.required(role, field: "role", limit: 10))
        let name = try TextInput.optional(name, field: "name", limit: 200)
        let team = try TextInput.optional(team, field: "team", limit: 100) ?? ""
        do {
            let invitation = try await StaffInvitation(
                username: username,
                displayName: name,
                role: staffRole,
                team: team,
                email: email,
                slug: tenant.slug,
                tenantName: tenant.displayName,
                locale: tenant.locale,
                writer: invitations
            )
            try await accounts.invite(invitation, tenant: tenant, logger: logger)
            return invitation
        } catch Accounts.Failure.invalidUsername {
            throw PortalError.invalid(field: "username", .usernameInvalid)
        } catch Accounts.Failure.usernameTaken(let taken) {
            throw PortalError.usernameTaken(taken)
        } catch Accounts.Failure.invalid(let reason) {
            throw PortalError.invalid(field: "email", reason)
        }
    }

    /// What an administrator may change of a member; nil keeps it.
    struct Change: Sendable {
        var active: Bool?
        var role: String?
        var team: String?
    }

    /// Stops or restores a member's access, or changes their role or team; stopping ends their
    /// sessions at once, and every change applies to their open sessions at once. An administrator can neither stop themselves nor give up their own role,
    /// so a tenant is never left without one by mistake.
    func update(_ username: String, _ change: Change, by admin: Principal, tenant: Tenant, logger: Logger) async throws {
        guard case .staff(let me) = admin, me.role == .admin else { throw PortalError.adminOnly }
        let role = try change.role.map(Self.role)
        let team = try change.team.map { try TextInput.optional($0, field: "team", limit: 100) ?? "" }
        let username = username.lowercased()
        guard username != me.username || (change.active != false && role != .agent) else { throw PortalError.ownAccount }
        let found = try await database.withTenant(tenant.scope, logger: logger) { connection in
            try await store.updateStaff(username: username, active: change.active, role: role, team: team, on: connection, logger: logger)
        }
        guard found else { throw PortalError.staffNotFound(username) }
        signIn.forgetHolders(of: tenant)
    }

    private static func role(_ text: String) throws(PortalError) -> StaffMember.Role {
        guard let role = StaffMember.Role(rawValue: text) else {
            throw .invalid(field: "role", .notOneOf(text, allowed: StaffMember.Role.allCases.map(\.rawValue)))
        }
        return role
    }
}
