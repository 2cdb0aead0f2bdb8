import Foundation
import Logging
import PGStore
import PostgresNIO

extension Accounts {
    /// The part of a new account that signs in: the username checked and in lower case, the password
    /// checked and hashed. Made before any transaction, so a bad value writes nothing.
    struct NewLogin: Sendable {
        let username: String
        let passwordHash: String

        init(username: String, password: String) async throws {
            let username = username.lowercased()
            guard username.range(of: #"^[a-z0-9][a-z0-9._-]{1,39}$"#, options: .regularExpression) != nil else {
                throw Failure.invalidUsername(username)
            }
            try Accounts.check(password)
            self.username = username
            self.passwordHash = try await Secrets.hashPassword(password)
        }

        /// Runs the insert in `body` and returns the new account's id; a username another account
        /// holds (staff or portal user) is `usernameTaken`.
        @discardableResult
        func insert(_ body: () async throws -> Int) async throws -> Int {
            do {
                return try await body()
            } catch let error where error.sqlState == "23505" {
                throw Failure.usernameTaken(username)
            }
        }
    }
}
