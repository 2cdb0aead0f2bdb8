import Foundation
import Logging
import PostgresNIO

/// The accounts that sign in with a username and a password: staff members and portal users
/// (lottery agents, employees). A username is one account's across both (tenant migration 0018),
/// so a sign-in finds at most one.
extension AccessStore {
    public func createStaff(
        username: String,
        displayName: String,
        passwordHash: String,
        role: StaffMember.Role,
        team: String,
        email: String = "",
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int {
        try await connection.value(
            """
            INSERT INTO staff_members (username, display_name, password_hash, role, team, email)
            VALUES (\(username), \(displayName), \(passwordHash), \(role.rawValue), \(team), \(email)) RETURNING id
            """,
            as: Int.self,
            logger: logger
        )!
    }

    /// A portal user of `kind` (`agent`, `employee`); with `endsOn` (`YYYY-MM-DD`) the account stops
    /// working at that day's midnight in `timeZone`.
    public func createPortalUser(
        username: String,
        displayName: String,
        passwordHash: String,
        kind: String,
        endsOn: String?,
        timeZone: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int {
        try await connection.value(
            """
            INSERT INTO portal_users (username, display_name, password_hash, kind, active_until)
            VALUES (\(username), \(displayName), \(passwordHash), \(kind), CAST(\(endsOn) AS date)::timestamp AT TIME ZONE \(timeZone))
            RETURNING id
            """,
            as: Int.self,
            logger: logger
        )!
    }

    /// The account behind `username` with its password hash; nil when there is none, or it is no
    /// longer active.
    public func passwordAccount(username: String, on connection: PostgresConnection, logger: Logger) async throws -> (Principal, String)? {
        if let (id, name, hash, role, team) = try await connection.rows(
            "SELECT id, display_name, password_hash, role, team FROM staff_members WHERE username = \(username) AND active",
            as: (Int, String, String, String, String).self,
            logger: logger
        ).first {
            let staff = StaffMember(id: id, username: username, displayName: name, role: .init(rawValue: role) ?? .agent, team: team)
            return (.staff(staff), hash)
        }
        if let (id, name, hash, kind) = try await connection.rows(
            """
            SELECT id, display_name, password_hash, kind FROM portal_users
            WHERE username = \(username) AND (active_until IS NULL OR active_until > now())
            """,
            as: (Int, String, String, String).self,
            logger: logger
        ).first {
            return (.portalUser(PortalUser(id: id, username: username, displayName: name, kind: kind)), hash)
        }
        return nil
    }

    /// Sets a new password hash on the `holder`'s account called `username` and ends its sessions,
    /// all but `keeping` (the session of someone changing their own password). With `replacing`,
    /// only while the stored hash is still that one. False when nothing was changed.
    public func setPassword(
        _ passwordHash: String,
        holder: PasswordHolder,
        username: String,
        replacing current: String? = nil,
        keeping session: [UInt8]? = nil,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        let kind = holder.rawValue
        let changed = try await connection.value(
            """
            WITH staff AS (
                UPDATE staff_members SET password_hash = \(passwordHash)
                WHERE \(kind) = 'staff' AND username = \(username) AND (CAST(\(current) AS text) IS NULL OR password_hash = \(current))
                RETURNING id
            ), portal AS (
                UPDATE portal_users SET password_hash = \(passwordHash)
                WHERE \(kind) = 'portal_user' AND username = \(username) AND (CAST(\(current) AS text) IS NULL OR password_hash = \(current))
                RETURNING id
            ), account AS (
                SELECT id FROM staff UNION ALL SELECT id FROM portal
            ), ended AS (
                UPDATE sessions SET revoked_at = now()
                WHERE principal_kind = \(kind) AND principal_id IN (SELECT id FROM account) AND revoked_at IS NULL
                  AND token_sha256 IS DISTINCT FROM \(session.map { ByteBuffer(bytes: $0) })
            )
            SELECT count(*)::bigint FROM account
            """,
            as: Int.self,
            logger: logger
        )
        return changed == 1
    }
}

/// Invitations to the staff workspace (tenant migration 0019): the member chooses their own
/// password through a link that works once.
extension AccessStore {
    /// A new invitation for the member, replacing one they have not used (the old link stops working).
    public func createInvitation(staffID: Int, digest: [UInt8], expiresAt: Date, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO staff_invitations (staff_id, token_sha256, expires_at) VALUES (\(staffID), \(ByteBuffer(bytes: digest)), \(expiresAt))
            ON CONFLICT (staff_id) DO UPDATE SET token_sha256 = EXCLUDED.token_sha256, expires_at = EXCLUDED.expires_at, created_at = now()
            """,
            logger: logger
        )
    }

    /// Invited again: the active member called `username` who has an invitation they have not used
    /// (pending or expired), so has never chosen a password, takes the details given now (the new
    /// invitation's mail goes to this `email`). Their id, or nil when there is no such member.
    public func reinvitedStaffID(
        username: String,
        displayName: String,
        role: StaffMember.Role,
        team: String,
        email: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int? {
        try await connection.value(
            """
            UPDATE staff_members m SET display_name = \(displayName), role = \(role.rawValue), team = \(team), email = \(email)
            WHERE m.username = \(username) AND m.active AND EXISTS (SELECT 1 FROM staff_invitations i WHERE i.staff_id = m.id)
            RETURNING m.id
            """,
            as: Int.self,
            logger: logger
        )
    }

    /// The invited member's username and name, and whether the invitation has expired; nil when no
    /// invitation has this digest (never made, or used).
    public func invitation(
        digest: [UInt8],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (username: String, name: String, expired: Bool)? {
        try await connection.rows(
            """
            SELECT m.username, m.display_name, i.expires_at <= now() FROM staff_invitations i JOIN staff_members m ON m.id = i.staff_id
            WHERE i.token_sha256 = \(ByteBuffer(bytes: digest)) AND m.active
            """,
            as: (String, String, Bool).self,
            logger: logger
        ).first.map { (username: $0, name: $1, expired: $2) }
    }

    /// Uses up the invitation: sets the password the member chose and deletes the invitation, in
    /// one statement. Nil when it is unknown, used or expired.
    public func acceptInvitation(
        digest: [UInt8],
        passwordHash: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> StaffMember? {
        try await connection.rows(
            """
            WITH invitation AS (
                DELETE FROM staff_invitations WHERE token_sha256 = \(ByteBuffer(bytes: digest)) AND expires_at > now() RETURNING staff_id
            )
            UPDATE staff_members SET password_hash = \(passwordHash)
            WHERE id IN (SELECT staff_id FROM invitation) AND active
            RETURNING id, username, display_name, role, team
            """,
            as: (Int, String, String, String, String).self,
            logger: logger
        ).first.map { StaffMember(id: $0, username: $1, displayName: $2, role: .init(rawValue: $3) ?? .agent, team: $4) }
    }
}
