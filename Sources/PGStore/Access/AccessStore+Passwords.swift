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

    /// The account behind `username` with its password hash, and whether it has ended (a portal
    /// user past their last day); nil when there is none, or a staff member's access is stopped.
    public func passwordAccount(username: String, on connection: PostgresConnection, logger: Logger) async throws -> (Principal, String, ended: Bool)?
    {
        if let (id, name, hash, role, team) = try await connection.rows(
            "SELECT id, display_name, password_hash, role, team FROM staff_members WHERE username = \(username) AND active",
            as: (Int, String, String, String, String).self,
            logger: logger
        ).first {
            let staff = StaffMember(id: id, username: username, displayName: name, role: .init(rawValue: role) ?? .agent, team: team)
            return (.staff(staff), hash, false)
        }
        if let (id, name, hash, kind, ended) = try await connection.rows(
            """
            SELECT id, display_name, password_hash, kind, coalesce(active_until <= now(), false) FROM portal_users
            WHERE username = \(username)
            """,
            as: (Int, String, String, String, Bool).self,
            logger: logger
        ).first {
            return (.portalUser(PortalUser(id: id, username: username, displayName: name, kind: kind)), hash, ended)
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

/// Set-password links (tenant migrations 0019 and 0033): a staff member invited to the workspace,
/// or a portal user (agent, employee) whose account was made without a password, chooses their own
/// password through a link that works once.
extension AccessStore {
    /// The invitation table and the account table of `holder`'s invitations: fixed names, never
    /// user text.
    private static func tables(_ holder: PasswordHolder) -> (invitations: String, key: String, accounts: String, usable: String) {
        switch holder {
        case .staff: ("staff_invitations", "staff_id", "staff_members", "a.active")
        case .portalUser: ("portal_user_invitations", "portal_user_id", "portal_users", "(a.active_until IS NULL OR a.active_until > now())")
        }
    }

    /// A new invitation for the account, replacing one it has not used (the old link stops working).
    public func createInvitation(
        holder: PasswordHolder,
        accountID: Int,
        digest: [UInt8],
        expiresAt: Date,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let (invitations, key, _, _) = Self.tables(holder)
        try await connection.query(
            """
            INSERT INTO \(unescaped: invitations) (\(unescaped: key), token_sha256, expires_at) VALUES (\(accountID), \(ByteBuffer(bytes: digest)), \(expiresAt))
            ON CONFLICT (\(unescaped: key)) DO UPDATE SET token_sha256 = EXCLUDED.token_sha256, expires_at = EXCLUDED.expires_at, created_at = now()
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

    /// The invited account's username and name, and whether the invitation has expired; nil when
    /// no usable account has an invitation with this digest (never made, or used).
    public func invitation(
        holder: PasswordHolder,
        digest: [UInt8],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (username: String, name: String, expired: Bool)? {
        let (invitations, key, accounts, usable) = Self.tables(holder)
        return try await connection.rows(
            """
            SELECT a.username, a.display_name, i.expires_at <= now() FROM \(unescaped: invitations) i JOIN \(unescaped: accounts) a ON a.id = i.\(unescaped: key)
            WHERE i.token_sha256 = \(ByteBuffer(bytes: digest)) AND \(unescaped: usable)
            """,
            as: (String, String, Bool).self,
            logger: logger
        ).first.map { (username: $0, name: $1, expired: $2) }
    }

    /// Uses up the invitation: sets the password the account's holder chose and deletes the
    /// invitation, in one statement. The account's username; nil when the invitation is unknown,
    /// used or expired.
    public func acceptInvitation(
        holder: PasswordHolder,
        digest: [UInt8],
        passwordHash: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> String? {
        let (invitations, key, accounts, usable) = Self.tables(holder)
        return try await connection.value(
            """
            WITH invitation AS (
                DELETE FROM \(unescaped: invitations) WHERE token_sha256 = \(ByteBuffer(bytes: digest)) AND expires_at > now() RETURNING \(unescaped: key)
            )
            UPDATE \(unescaped: accounts) a SET password_hash = \(passwordHash)
            WHERE a.id IN (SELECT \(unescaped: key) FROM invitation) AND \(unescaped: usable)
            RETURNING a.username
            """,
            as: String.self,
            logger: logger
        )
    }
}
