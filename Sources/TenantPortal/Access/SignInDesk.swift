import Foundation
import Logging
import PGStore
import PostgresNIO

/// Signing in and finding who holds a bearer value (PRODUCT.md C1, E1, I4).
///
/// Failures hold attempts back per username and address, per address and per username as
/// `SignInLimit` says (429 with Retry-After). An attempt counts as a failure from its start (see
/// `admit`) and is forgiven when it succeeds, so guesses sent at once count one after another.
/// The bcrypt check runs outside any transaction, so a slow hash never holds a database connection.
public struct SignInDesk: Sendable {
    let database: Database
    let store = AccessStore()
    let holders: BearerHolders
    static let sessionLifetime: TimeInterval = 12 * 3600

    public enum Credentials: Sendable {
        case password(username: String, password: String)
        case token(String)
    }

    public struct Session: Sendable {
        public var token: String
        public var principal: Principal
        public var expiresAt: Date
    }

    init(database: Database, holders: BearerHolders) {
        self.database = database
        self.holders = holders
    }

    /// Refused with 422 when a credential holds a character PostgreSQL text cannot (NUL), for the
    /// API and the sign-in pages alike.
    public func signIn(_ credentials: Credentials, address: String, tenant: Tenant, logger: Logger) async throws -> Session {
        let principal: Principal?
        let attempt: Attempt
        switch credentials {
        case .password(let username, let password):
            try TextInput.checkCharacters(username, field: "username")
            try TextInput.checkCharacters(password, field: "password")
            let checked = try await verifiedAccount(
                username: username.lowercased(),
                password: password,
                address: address,
                tenant: tenant,
                logger: logger
            )
            // Only with the right password is an ended account told apart from a wrong one.
            if checked.account?.ended == true { throw PortalError.accountEnded }
            (principal, attempt) = (checked.account?.principal, checked.attempt)
        case .token(let token):
            try TextInput.checkCharacters(token, field: "token")
            (principal, attempt) = try await database.withTenant(tenant.scope, logger: logger) { connection in
                let attempt = try await Self.admit(Attempt(address: address), on: connection, logger: logger)
                let holder = try await store.principal(bearerDigest: Secrets.digest(token), on: connection, logger: logger)?.principal
                guard case .customer(let customer)? = holder else { return (nil, attempt) }
                return (.customer(customer), attempt)
            }
        }
        guard let principal else { throw PortalError.signInFailed }
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            try await forgive(attempt, on: connection, logger: logger)
            return try await openSession(for: principal, on: connection, logger: logger)
        }
    }

    /// A new session for `principal`, stored on `connection` in the tenant's scope.
    func openSession(for principal: Principal, on connection: PostgresConnection, logger: Logger) async throws -> Session {
        let token = Secrets.newToken()
        let expiresAt = Date().addingTimeInterval(Self.sessionLifetime)
        try await store.createSession(digest: Secrets.digest(token), principal: principal, expiresAt: expiresAt, on: connection, logger: logger)
        return Session(token: token, principal: principal, expiresAt: expiresAt)
    }

    /// The account `username` signs in to when `password` is its password; nil when it is not, or
    /// there is no such account (checked against a decoy hash, so that takes as long). Refused with
    /// 429 while the username or the address is locked out; the attempt stays counted as a failure
    /// until `forgive`n.
    private func verifiedAccount(
        username: String,
        password: String,
        address: String,
        tenant: Tenant,
        logger: Logger
    ) async throws -> (account: (principal: Principal, passwordHash: String, ended: Bool)?, attempt: Attempt) {
        let (found, attempt) = try await database.withTenant(tenant.scope, logger: logger) { connection in
            let attempt = try await Self.admit(Attempt(username: username, address: address), on: connection, logger: logger)
            return (try await store.passwordAccount(username: username, on: connection, logger: logger), attempt)
        }
        let account = found.map { (principal: $0.0, passwordHash: $0.1, ended: $0.ended) }
        return (try await Secrets.verifyPassword(password, hash: found?.1 ?? Secrets.decoyHash) ? account : nil, attempt)
    }

    /// Changes the signed-in person's own password (staff, portal users). The current password must
    /// be right, and a wrong one counts as a failed sign-in, so this is no way round the lockout.
    /// Every other session of theirs ends; the one asking (`bearer`) stays.
    public func changePassword(
        current: String,
        new: String,
        principal: Principal,
        bearer: String?,
        address: String,
        tenant: Tenant,
        logger: Logger
    ) async throws {
        guard let (holder, username) = principal.passwordLogin else { throw PortalError.noPassword }
        guard !current.isEmpty else { throw PortalError.invalid(field: "current_password", .required) }
        try Secrets.checkNewPassword(new, field: "new_password")
        guard new != current else { throw PortalError.invalid(field: "new_password", .passwordUnchanged) }
        var changed = false
        let checked = try await verifiedAccount(username: username, password: current, address: address, tenant: tenant, logger: logger)
        if let account = checked.account, account.principal.key == principal.key {
            let hash = try await Secrets.hashPassword(new)
            // Only over the hash just checked: a reset made meanwhile wins, and this one is refused.
            changed = try await database.withTenant(tenant.scope, logger: logger) { connection in
                guard
                    try await store.setPassword(
                        hash,
                        holder: holder,
                        username: username,
                        replacing: account.passwordHash,
                        keeping: bearer.map(Secrets.digest),
                        on: connection,
                        logger: logger
                    )
                else { return false }
                try await forgive(checked.attempt, on: connection, logger: logger)
                return true
            }
        }
        // A wrong password, or one a reset made meanwhile replaced: the attempt stays a failure.
        guard changed else { throw PortalError.invalid(field: "current_password", .currentPasswordWrong) }
        forgetHolders(of: tenant)
    }

    /// One sign-in attempt: what its failure counts against (`SignInLimit`).
    struct Attempt: Sendable {
        var limits: [SignInLimit]
        /// The subjects a success forgives: the username's and this address's for it, never the
        /// address's own (signing in to one's own account does not wipe guesses made from there).
        var forgiven: [String]
        /// The attempt's own failure records, removed when it succeeds.
        var failureIDs: [Int] = []

        init(username: String? = nil, address: String) {
            if let username {
                let owned = [SignInLimit.pair(username: username, address: address), .username(username)]
                limits = owned + [.address(address)]
                forgiven = owned.map(\.subject)
            } else {
                limits = [.address(address)]
                forgiven = []
            }
        }
    }

    /// Lets `attempt` in, in the caller's transaction: its subjects' locks first, so that attempts
    /// for one username or from one address take turns; then 429 if any limit holds it back; then
    /// the attempt is recorded as failed, until `forgive`n.
    static func admit(_ attempt: Attempt, on connection: PostgresConnection, logger: Logger) async throws -> Attempt {
        var admitted = attempt
        try await SignInLimit.refuseHeldBack(attempt.limits, on: connection, logger: logger)
        admitted.failureIDs = try await AccessStore().recordFailedSignIn(subjects: attempt.limits.map(\.subject), on: connection, logger: logger)
        return admitted
    }

    /// A successful attempt: its own failure records go, and so do the earlier ones it forgives.
    private func forgive(_ attempt: Attempt, on connection: PostgresConnection, logger: Logger) async throws {
        try await store.forgiveFailedSignIns(ids: attempt.failureIDs, subjects: attempt.forgiven, on: connection, logger: logger)
    }

    /// Who holds `bearer`: an open session or a customer token; nil when nobody (or revoked, expired).
    /// Answered from `holders` when it knows; what the database says is kept there unless the
    /// tenant's sign-ins changed while it was being read.
    public func principal(bearer: String, tenant: Tenant, logger: Logger) async throws -> Principal? {
        let digest = Secrets.digest(bearer)
        let schema = tenant.scope.schema.name
        if let known = holders.principal(schema: schema, digest: digest) { return known }
        let generation = holders.generation(schema: schema)
        guard
            let found = try await database.reading(
                tenant.scope,
                logger: logger,
                { connection in
                    try await store.principal(bearerDigest: digest, on: connection, logger: logger)
                }
            )
        else { return nil }
        holders.keep(found.principal, validUntil: found.validUntil, schema: schema, digest: digest, ifStill: generation)
        return found.principal
    }

    /// The customer organisation's own administrators, for "who am I" (C2); none for other principals.
    public func admins(of principal: Principal, tenant: Tenant, logger: Logger) async throws -> [Customer.Admin] {
        guard case .customer(let customer) = principal else { return [] }
        return try await database.reading(tenant.scope, logger: logger) { connection in
            try await store.customerAdmins(customerID: customer.id, on: connection, logger: logger)
        }
    }

    public func signOut(bearer: String, tenant: Tenant, logger: Logger) async throws {
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            try await store.revokeSession(digest: Secrets.digest(bearer), on: connection, logger: logger)
        }
        forgetHolders(of: tenant)
    }

    /// After a change to the tenant's sign-ins made here: every instance hears of it from the
    /// database (TenantChangeWatch), but this one must not answer from memory in the meantime.
    func forgetHolders(of tenant: Tenant) {
        holders.forget(schema: tenant.scope.schema.name)
    }
}
