import Foundation
import Logging
import PGStore
import PostgresNIO

extension Accounts {
    /// A staff member checked (username, address, password) and with the password hashed, ready to
    /// be stored: the checks come before any transaction, so a bad value writes nothing.
    public struct NewStaffMember: Sendable {
        /// In lower case, as it is stored and signed in with.
        public let username: String
        let displayName: String
        let role: StaffMember.Role
        let team: String
        let email: String
        let passwordHash: String

        public init(username: String, displayName: String?, role: StaffMember.Role, team: String, email: String? = nil, password: String) async throws {
            let username = username.lowercased()
            guard username.range(of: #"^[a-z0-9][a-z0-9._-]{1,39}$"#, options: .regularExpression) != nil else {
                throw Failure.invalidUsername(username)
            }
            let email = try email.map { address throws(Failure) in
                guard let normalized = ContactDetails.normalizedEmail(address) else { throw .invalid(.emailInvalid) }
                return normalized
            }
            try Accounts.check(password)
            self.username = username
            self.displayName = displayName ?? username
            self.role = role
            self.team = team
            self.email = email ?? ""
            self.passwordHash = try await Secrets.hashPassword(password)
        }

        /// Stores the member on `connection`, inside the tenant's scope.
        func add(on connection: PostgresConnection, logger: Logger) async throws {
            do {
                _ = try await AccessStore().createStaff(
                    username: username, displayName: displayName, passwordHash: passwordHash, role: role, team: team, email: email,
                    on: connection, logger: logger)
            } catch let error where error.sqlState == "23505" {
                throw Failure.usernameTaken(username)
            }
        }
    }
}
