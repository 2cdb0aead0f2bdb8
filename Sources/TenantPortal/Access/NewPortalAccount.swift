import Logging
import PGStore
import PostgresNIO

extension Accounts {
    /// A portal user's new account (an agent's, an employee's: E1, F1) with how its holder first
    /// signs in: a password given now, or a set-password link mailed to them
    /// (`PortalUserInvitation`). Checked and hashed before any transaction.
    public struct NewPortalAccount: Sendable {
        public enum Access: Sendable {
            case password(String)
            /// A link mailed to `email`, written by `InvitationMail` for `Tenant`.
            case link(InvitationMail, Tenant, email: String)
        }

        let user: NewPortalUser
        let invitation: PortalUserInvitation?

        /// The set-password link mailed, when the holder was given one.
        public var link: String? { invitation?.link }

        init(username: String, displayName: String?, kind: String, endsOn: String?, access: Access) async throws {
            switch access {
            case .password(let password):
                user = try await NewPortalUser(username: username, displayName: displayName, kind: kind, endsOn: endsOn, password: password)
                invitation = nil
            case .link(let writer, let tenant, let email):
                user = try await .invited(username: username, displayName: displayName, kind: kind, endsOn: endsOn)
                invitation = PortalUserInvitation(account: user, email: email, tenant: tenant, writer: writer)
            }
        }

        /// Stores the account (with its link and mail, when it has one) in the caller's
        /// transaction; its id.
        func add(to tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws -> Int {
            if let invitation { return try await invitation.add(to: tenant, on: connection, logger: logger) }
            return try await user.add(to: tenant, on: connection, logger: logger)
        }
    }
}
