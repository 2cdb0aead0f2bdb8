import Foundation
import Logging
import PGStore
import PostgresNIO
import ServiceLevels

extension Accounts {
    /// A portal user (a lottery agent, an employee: PRODUCT.md E1, F1) checked and with the password
    /// hashed, ready to be stored.
    public struct NewPortalUser: Sendable {
        public static let kinds = ["agent", "employee"]

        let login: NewLogin
        let displayName: String
        let kind: String
        /// The day the account stops working, from midnight in the tenant's zone (F2).
        let endsOn: LocalDate?

        public var username: String { login.username }

        public init(username: String, displayName: String?, kind: String, endsOn: String?, password: String) async throws {
            guard Self.kinds.contains(kind) else { throw Failure.invalid(.notOneOf(kind, allowed: Self.kinds)) }
            self.endsOn = try endsOn.map { text throws(Failure) in
                guard let day = LocalDate(text) else { throw .invalid(.invalidDate(text)) }
                return day
            }
            self.login = try await NewLogin(username: username, password: password)
            self.displayName = displayName ?? login.username
            self.kind = kind
        }

        /// An account whose holder chooses their password through a link (`PortalUserInvitation`);
        /// until then its password is a random value no one knows.
        public static func invited(username: String, displayName: String?, kind: String, endsOn: String?) async throws -> Self {
            try await Self(username: username, displayName: displayName, kind: kind, endsOn: endsOn, password: Secrets.newToken())
        }

        /// Stores the account; its id.
        @discardableResult
        func add(to tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws -> Int {
            try await login.insert {
                try await AccessStore().createPortalUser(
                    username: login.username,
                    displayName: displayName,
                    passwordHash: login.passwordHash,
                    kind: kind,
                    endsOn: endsOn?.description,
                    timeZone: tenant.timeZone,
                    on: connection,
                    logger: logger
                )
            }
        }
    }
}
