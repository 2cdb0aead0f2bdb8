import Foundation
import Logging
import PostgresNIO

/// A staff member as the administrators' staff page lists them: whether they may sign in, and
/// whether they still have an invitation they have not used.
public struct StaffRosterEntry: Sendable, Equatable {
    public enum Invitation: Sendable, Equatable {
        case pending, expired
    }

    public var member: StaffMember
    public var email: String
    public var active: Bool
    /// Nil once the member has chosen a password (or was given one).
    public var invitation: Invitation?
}

/// The tenant's staff for its administrators: the roster, and changing a member's access.
extension AccessStore {
    /// Every member, active ones first, by name.
    public func staffRoster(on connection: PostgresConnection, logger: Logger) async throws -> [StaffRosterEntry] {
        try await connection.rows(
            """
            SELECT m.id, m.username, m.display_name, m.role, m.team, m.email, m.active, i.expires_at <= now()
            FROM staff_members m LEFT JOIN staff_invitations i ON i.staff_id = m.id
            ORDER BY m.active DESC, m.display_name, m.username
            """,
            as: (Int, String, String, String, String, String, Bool, Bool?).self,
            logger: logger
        ).map { id, username, name, role, team, email, active, expired in
            StaffRosterEntry(
                member: StaffMember(id: id, username: username, displayName: name, role: .init(rawValue: role) ?? .agent, team: team),
                email: email,
                active: active,
                invitation: expired.map { $0 ? .expired : .pending }
            )
        }
    }

    /// Changes what is given of the member's access (nil keeps it): whether they may sign in, their
    /// role, their team. A member made inactive has every session ended, so reactivating them later
    /// revives none. False when there is no such member.
    public func updateStaff(
        username: String,
        active: Bool?,
        role: StaffMember.Role?,
        team: String?,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        try await connection.value(
            """
            WITH member AS (
                UPDATE staff_members
                SET active = coalesce(\(active), active), role = coalesce(\(role?.rawValue), role), team = coalesce(\(team), team)
                WHERE username = \(username) RETURNING id, active
            ), ended AS (
                UPDATE sessions SET revoked_at = now()
                WHERE principal_kind = 'staff' AND principal_id IN (SELECT id FROM member WHERE NOT active) AND revoked_at IS NULL
            )
            SELECT count(*)::bigint FROM member
            """,
            as: Int.self,
            logger: logger
        ) == 1
    }
}
