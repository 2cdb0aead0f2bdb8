import Foundation
import Logging
import PGStore
import PostgresNIO

/// Signing in and finding who holds a bearer value (PRODUCT.md C1, E1, I4).
///
/// Five failures for one username or from one address within 15 minutes lock that subject out for
/// the rest of the window (429 with Retry-After). The bcrypt check runs outside any transaction, so
/// a slow hash never holds a database connection.
public struct SignInDesk: Sendable {
    let database: Database
    let store = AccessStore()
    let holders: BearerHolders
    static let sessionLifetime: TimeInterval = 12 * 3600
    static let failureWindow: TimeInterval = 15 * 60
    static let maxFailures = 5

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

    public func signIn(_ credentials: Credentials, address: String, tenant: Tenant, logger: Logger) async throws -> Session {
        let subjects: [String]
        switch credentials {
        case .password(let username, _): subjects = ["user:" + username.lowercased(), "addr:" + address]
        case .token: subjects = ["addr:" + address]
        }
        let found: (Principal, String?)? = try await database.withTenant(tenant.scope, logger: logger) { connection in
            try await Self.refuseLockedOut(subjects, on: connection, logger: logger)
            switch credentials {
            case .password(let username, _):
                return try await store.passwordAccount(username: username.lowercased(), on: connection, logger: logger)
                    .map { ($0.0, Optional($0.1)) }
            case .token(let token):
                guard case .customer(let customer)? = try await store.principal(bearerDigest: Secrets.digest(token), on: connection, logger: logger)?.principal
                else { return nil }
                return (.customer(customer), nil)
            }
        }
        var principal = found?.0
        if case .password(_, let password) = credentials {
            let verified = try await Secrets.verifyPassword(password, hash: found?.1 ?? Secrets.decoyHash)
            if !verified { principal = nil }
        }
        let token = Secrets.newToken()
        let expiresAt = Date().addingTimeInterval(Self.sessionLifetime)
        let session: Session? = try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let principal else {
                try await store.recordFailedSignIn(subjects: subjects, on: connection, logger: logger)
                return nil
            }
            try await store.clearFailedSignIns(subjects: subjects, on: connection, logger: logger)
            try await store.createSession(digest: Secrets.digest(token), principal: principal, expiresAt: expiresAt, on: connection, logger: logger)
            return Session(token: token, principal: principal, expiresAt: expiresAt)
        }
        guard let session else { throw PortalError.signInFailed }
        return session
    }

    /// 429 with the seconds to wait when any of `subjects` failed `maxFailures` times within the
    /// window; shared by sign-in and public tracking, which guess-proof the same way.
    static func refuseLockedOut(_ subjects: [String], on connection: PostgresConnection, logger: Logger) async throws {
        let since = Date().addingTimeInterval(-failureWindow)
        let failures = try await AccessStore().failedSignIns(subjects: subjects, since: since, on: connection, logger: logger)
        if let blocked = failures.filter({ $0.count >= maxFailures }).map(\.oldest).max() {
            let retryAfter = Int(blocked.addingTimeInterval(failureWindow).timeIntervalSinceNow.rounded(.up))
            throw PortalError.tooManySignIns(retryAfter: max(1, retryAfter))
        }
    }

    /// Who holds `bearer`: an open session or a customer token; nil when nobody (or revoked, expired).
    /// Answered from `holders` when it knows; what the database says is kept there unless the
    /// tenant's sign-ins changed while it was being read.
    public func principal(bearer: String, tenant: Tenant, logger: Logger) async throws -> Principal? {
        let digest = Secrets.digest(bearer)
        let schema = tenant.scope.schema.name
        if let known = holders.principal(schema: schema, digest: digest) { return known }
        let generation = holders.generation(schema: schema)
        guard let found = try await database.reading(tenant.scope, logger: logger, { connection in
            try await store.principal(bearerDigest: digest, on: connection, logger: logger)
        }) else { return nil }
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
