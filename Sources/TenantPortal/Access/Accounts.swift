import Foundation
import Logging
import PGStore
import ServiceLevels

/// What operators and tenant admins do to accounts: customer tokens (issue, rotate, revoke), staff
/// members and portal users (create, reset password). A token is returned once and only its hash
/// is kept.
public struct Accounts: Sendable {
    let database: Database
    let store = AccessStore()

    public init(database: Database) {
        self.database = database
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tokenExists(String)
        case noCustomer(String)
        case noStaff(String)
        case noPortalUser(String)
        case usernameTaken(String)
        case invalidUsername(String)
        case invalid(PortalError.Reason)

        public var description: String {
            switch self {
            case .tokenExists(let name): "customer '\(name)' already has a token; use token rotate to replace it"
            case .noCustomer(let name): "no customer named '\(name)'"
            case .noStaff(let name): "no staff member '\(name)'"
            case .noPortalUser(let name): "no portal user '\(name)'"
            case .usernameTaken(let name): "username '\(name)' is taken"
            case .invalidUsername(let name): "'\(name)' is not a valid username: 2-40 of a-z, 0-9, '.', '_', '-', starting with a letter or digit"
            case .invalid(let reason): Catalog.message(reason, .en)
            }
        }
    }

    /// Creates the customer if it is new (with its own administrators) and gives it a token; refuses
    /// when it already has one.
    public func issueToken(
        tenant: Tenant, customer name: String, warrantyUntil: Date?, admins: [Customer.Admin] = [], logger: Logger
    ) async throws -> String {
        let token = Secrets.newToken()
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            let id: Int
            if let existing = try await store.customerID(named: name, on: connection, logger: logger) {
                guard try await !store.hasToken(customerID: existing, on: connection, logger: logger) else {
                    throw Failure.tokenExists(name)
                }
                id = existing
            } else {
                id = try await store.createCustomer(name: name, warrantyUntil: warrantyUntil, on: connection, logger: logger)
            }
            for admin in admins {
                try await store.addCustomerAdmin(admin, customerID: id, on: connection, logger: logger)
            }
            try await store.setTokenDigest(Secrets.digest(token), customerID: id, on: connection, logger: logger)
        }
        return token
    }

    public func customers(tenant: Tenant, logger: Logger) async throws -> [CustomerAccount] {
        try await database.reading(tenant.scope, logger: logger) { try await store.customerAccounts(on: $0, logger: logger) }
    }

    /// A warranty's last day as typed, `YYYY-MM-DD`; nil unless it is a real day.
    public static func warrantyDay(_ text: String) -> Date? {
        guard LocalDate(text) != nil else { return nil }
        return try? Date.ISO8601FormatStyle().year().month().day().parse(text)
    }

    /// Sets or (nil) removes the customer's account manager (PRODUCT.md B11).
    public func setAccountManager(tenant: Tenant, customer name: String, username: String?, logger: Logger) async throws {
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let id = try await store.customerID(named: name, on: connection, logger: logger) else { throw Failure.noCustomer(name) }
            guard try await AssignmentStore().setAccountManager(customerID: id, username: username?.lowercased(), on: connection, logger: logger) else {
                throw Failure.noStaff(username ?? "")
            }
        }
    }

    /// A new token for the customer; the old one and its sessions stop working at once.
    public func rotateToken(tenant: Tenant, customer name: String, logger: Logger) async throws -> String {
        let token = Secrets.newToken()
        try await setToken(Secrets.digest(token), tenant: tenant, customer: name, logger: logger)
        return token
    }

    public func revokeToken(tenant: Tenant, customer name: String, logger: Logger) async throws {
        try await setToken(nil, tenant: tenant, customer: name, logger: logger)
    }

    public func createStaff(
        tenant: Tenant, username: String, displayName: String?, role: StaffMember.Role, team: String, email: String? = nil, password: String,
        logger: Logger
    ) async throws {
        let member = try await NewStaffMember(username: username, displayName: displayName, role: role, team: team, email: email, password: password)
        try await database.withTenant(tenant.scope, logger: logger) { try await member.add(on: $0, logger: logger) }
    }

    /// Stores the invited member, the invitation and its mail together.
    public func invite(_ invitation: StaffInvitation, tenant: Tenant, logger: Logger) async throws {
        try await database.withTenant(tenant.scope, logger: logger) { try await invitation.add(on: $0, logger: logger) }
    }

    public func createPortalUser(_ user: NewPortalUser, tenant: Tenant, logger: Logger) async throws {
        try await database.withTenant(tenant.scope, logger: logger) { try await user.add(to: tenant, on: $0, logger: logger) }
    }

    /// Sets a new password on the staff member's or portal user's account and ends all its sessions.
    public func resetPassword(of holder: PasswordHolder, tenant: Tenant, username: String, password: String, logger: Logger) async throws {
        try Self.check(password)
        let hash = try await Secrets.hashPassword(password)
        let found = try await database.withTenant(tenant.scope, logger: logger) { connection in
            try await store.setPassword(hash, holder: holder, username: username.lowercased(), on: connection, logger: logger)
        }
        guard found else { throw holder == .staff ? Failure.noStaff(username) : Failure.noPortalUser(username) }
    }

    private func setToken(_ digest: [UInt8]?, tenant: Tenant, customer name: String, logger: Logger) async throws {
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let id = try await store.customerID(named: name, on: connection, logger: logger) else { throw Failure.noCustomer(name) }
            try await store.setTokenDigest(digest, customerID: id, on: connection, logger: logger)
        }
    }

    static func check(_ password: String) throws(Failure) {
        do { try Secrets.checkNewPassword(password) } catch { throw .invalid(error.reason) }
    }
}
