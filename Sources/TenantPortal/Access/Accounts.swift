import Foundation
import Logging
import PGStore
import PostgresNIO
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
        /// Several organisations have this name: the code must say which.
        case ambiguousCustomer(String, count: Int)
        case invalidCustomerCode(String)
        case noStaff(String)
        case noPortalUser(String)
        case usernameTaken(String)
        case invalidUsername(String)
        case invalid(PortalError.Reason)

        public var description: String {
            switch self {
            case .tokenExists(let name): "customer '\(name)' already has a token; use token rotate to replace it"
            case .noCustomer(let name): "no customer with the code or name '\(name)'"
            case .ambiguousCustomer(let name, let count): "\(count) customers are named '\(name)'; use the code"
            case .invalidCustomerCode(let code): "'\(code)' is not a customer code: 1-32 of A-Z, 0-9, '.', '_', '-', starting with a letter or digit"
            case .noStaff(let name): "no staff member '\(name)'"
            case .noPortalUser(let name): "no portal user '\(name)'"
            case .usernameTaken(let name): "username '\(name)' is taken"
            case .invalidUsername(let name): "'\(name)' is not a valid username: 2-40 of a-z, 0-9, '.', '_', '-', starting with a letter or digit"
            case .invalid(let reason): Catalog.message(reason, .en)
            }
        }
    }

    /// A token given out, with the organisation's code (new organisations get theirs here).
    public struct IssuedToken: Sendable {
        public var code: String
        public var token: String
    }

    /// Gives the customer a token; refuses when it already has one. `customer` names it by code or
    /// by a name only one organisation has; a name no organisation has makes a new one. With `code`,
    /// `customer` is the name: a code not seen before makes a new organisation even when another
    /// already has that name. `admins`, when given, replace the organisation's own administrators.
    public func issueToken(
        tenant: Tenant,
        customer reference: String,
        code: String? = nil,
        warrantyUntil: Date?,
        admins: [Customer.Admin] = [],
        logger: Logger
    ) async throws -> IssuedToken {
        let token = Secrets.newToken()
        let code = try code.map(Self.customerCode)
        let issued = try await database.withTenant(tenant.scope, logger: logger) { connection in
            let found = try await store.customers(matching: code ?? reference, on: connection, logger: logger)
            let customer: (id: Int, code: String)
            if found.isEmpty {
                customer = try await store.createCustomer(
                    name: reference,
                    code: code,
                    warrantyUntil: warrantyUntil,
                    on: connection,
                    logger: logger
                )
            } else {
                let one = try Self.one(found, reference)
                guard try await !store.hasToken(customerID: one.id, on: connection, logger: logger) else {
                    throw Failure.tokenExists(one.name)
                }
                customer = (one.id, one.code)
            }
            if !admins.isEmpty {
                try await store.replaceCustomerAdmins(admins, customerID: customer.id, on: connection, logger: logger)
            }
            try await store.setTokenDigest(Secrets.digest(token), customerID: customer.id, on: connection, logger: logger)
            return IssuedToken(code: customer.code, token: token)
        }
        return issued
    }

    /// The one organisation `reference` names; refused when none does, or several share the name.
    static func one(
        _ found: [(id: Int, code: String, name: String)],
        _ reference: String
    ) throws(Failure) -> (id: Int, code: String, name: String) {
        guard let first = found.first else { throw .noCustomer(reference) }
        guard found.count == 1 else { throw .ambiguousCustomer(reference, count: found.count) }
        return first
    }

    /// A code as typed, in upper case; refused unless it is one.
    static func customerCode(_ text: String) throws(Failure) -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.wholeMatch(of: /[A-Z0-9][A-Z0-9._-]{0,31}/) != nil else { throw .invalidCustomerCode(text) }
        return code
    }

    /// The one organisation `reference` names (its code, or a name only it has).
    private func customer(
        _ reference: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (id: Int, code: String, name: String) {
        try Self.one(try await store.customers(matching: reference, on: connection, logger: logger), reference)
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
    public func setAccountManager(tenant: Tenant, customer reference: String, username: String?, logger: Logger) async throws {
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            let id = try await customer(reference, on: connection, logger: logger).id
            guard try await AssignmentStore().setAccountManager(customerID: id, username: username?.lowercased(), on: connection, logger: logger)
            else {
                throw Failure.noStaff(username ?? "")
            }
        }
    }

    /// A new token for the customer; the old one and its sessions stop working at once.
    public func rotateToken(tenant: Tenant, customer reference: String, logger: Logger) async throws -> IssuedToken {
        let token = Secrets.newToken()
        let code = try await setToken(Secrets.digest(token), tenant: tenant, customer: reference, logger: logger)
        return IssuedToken(code: code, token: token)
    }

    public func revokeToken(tenant: Tenant, customer name: String, logger: Logger) async throws {
        try await setToken(nil, tenant: tenant, customer: name, logger: logger)
    }

    public func createStaff(
        tenant: Tenant,
        username: String,
        displayName: String?,
        role: StaffMember.Role,
        team: String,
        email: String? = nil,
        password: String,
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

    /// Sets the token digest of the organisation `reference` names; its code.
    @discardableResult
    private func setToken(_ digest: [UInt8]?, tenant: Tenant, customer reference: String, logger: Logger) async throws -> String {
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            let customer = try await customer(reference, on: connection, logger: logger)
            try await store.setTokenDigest(digest, customerID: customer.id, on: connection, logger: logger)
            return customer.code
        }
    }

    static func check(_ password: String) throws(Failure) {
        do { try Secrets.checkNewPassword(password) } catch { throw .invalid(error.reason) }
    }
}
