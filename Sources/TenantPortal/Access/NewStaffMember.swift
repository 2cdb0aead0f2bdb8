import Foundation
import Logging
import PGStore
import PostgresNIO

extension Accounts {
    /// A staff member checked (username, address, password) and with the password hashed, ready to
    /// be stored: the checks come before any transaction, so a bad value writes nothing.
    public struct NewStaffMember: Sendable {
        let login: NewLogin
        let displayName: String
        let role: StaffMember.Role
        let team: String
        /// Where escalations and an invitation reach the member; empty when not given.
        public let email: String

        /// In lower case, as it is stored and signed in with.
        public var username: String { login.username }

        public init(username: String, displayName: String?, role: StaffMember.Role, team: String, email: String? = nil, password: String) async throws
        {
            let email = try email.map { address throws(Failure) in
                guard let normalized = ContactDetails.normalizedEmail(address) else { throw .invalid(.emailInvalid) }
                return normalized
            }
            self.login = try await NewLogin(username: username, password: password)
            self.displayName = displayName ?? login.username
            self.role = role
            self.team = team
            self.email = email ?? ""
        }

        /// A member who will choose their own password through an invitation (`StaffInvitation`);
        /// until then the password is a random value nobody knows. The invitation goes to `email`.
        public static func invited(username: String, displayName: String?, role: StaffMember.Role, team: String, email: String) async throws -> Self {
            try await Self(username: username, displayName: displayName, role: role, team: team, email: email, password: Secrets.newToken())
        }

        /// Stores the member on `connection`, inside the tenant's scope, and returns their id.
        @discardableResult
        func add(on connection: PostgresConnection, logger: Logger) async throws -> Int {
            try await login.insert {
                try await AccessStore().createStaff(
                    username: login.username,
                    displayName: displayName,
                    passwordHash: login.passwordHash,
                    role: role,
                    team: team,
                    email: email,
                    on: connection,
                    logger: logger
                )
            }
        }
    }
}
