import Foundation
import Logging
import PostgresNIO

/// Customers and their tokens, staff, sessions and failed sign-ins (accounts with passwords are in
/// `AccessStore+Passwords`). SQL only: hashing and the rules live in TenantPortal's Access folder.
/// Every function runs inside the tenant's scope.
public struct AccessStore: Sendable {
    public init() {}

    // MARK: Customers and tokens

    /// A new customer organisation with `code`, or the next generated one (KH0001 ...); its id and code.
    public func createCustomer(
        name: String,
        code: String?,
        warrantyUntil: Date?,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (id: Int, code: String) {
        let rows = try await connection.rows(
            """
            INSERT INTO customers (name, code, warranty_until) VALUES (\(name), coalesce(\(code), next_customer_code()), \(warrantyUntil))
            RETURNING id, code
            """,
            as: (Int, String).self,
            logger: logger
        )
        return (rows[0].0, rows[0].1)
    }

    /// The organisations `reference` can mean: the one whose code it is (in any case), else every
    /// one of that exact name.
    public func customers(
        matching reference: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [(id: Int, code: String, name: String)] {
        try await connection.rows(
            """
            SELECT id, code, name FROM customers
            WHERE code = upper(\(reference))
               OR (name = \(reference) AND NOT EXISTS (SELECT 1 FROM customers WHERE code = upper(\(reference))))
            ORDER BY id
            """,
            as: (Int, String, String).self,
            logger: logger
        ).map { (id: $0, code: $1, name: $2) }
    }

    /// The organisation's own administrators become `admins`, replacing the list it had.
    public func replaceCustomerAdmins(_ admins: [Customer.Admin], customerID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM customer_admins WHERE customer_id = \(customerID)", logger: logger)
        try await connection.query(
            """
            INSERT INTO customer_admins (customer_id, name, email, phone)
            SELECT \(customerID), * FROM unnest(\(admins.map(\.name))::text[], \(admins.map(\.email))::text[], \(admins.map(\.phone))::text[])
            """,
            logger: logger
        )
    }

    /// Every customer with its token's state, for the staff's customers page; newest first.
    public func customerAccounts(on connection: PostgresConnection, logger: Logger) async throws -> [CustomerAccount] {
        try await connection.rows(
            "\(unescaped: Self.customerAccountQuery) ORDER BY c.created_at DESC, c.id DESC",
            as: (Int, String, String, Date?, Date?, String?).self,
            logger: logger
        ).map { CustomerAccount(code: $1, name: $2, warrantyUntil: $3, tokenIssuedAt: $4, accountManager: $5) }
    }

    /// The customer organisation with this code, and its id; nil when there is none.
    public func customerAccount(code: String, on connection: PostgresConnection, logger: Logger) async throws -> (id: Int, account: CustomerAccount)?
    {
        try await connection.rows(
            "\(unescaped: Self.customerAccountQuery) WHERE c.code = \(code)",
            as: (Int, String, String, Date?, Date?, String?).self,
            logger: logger
        ).first.map { ($0, CustomerAccount(code: $1, name: $2, warrantyUntil: $3, tokenIssuedAt: $4, accountManager: $5)) }
    }

    static let customerAccountQuery = """
        SELECT c.id, c.code, c.name, c.warranty_until, c.token_issued_at, m.display_name
        FROM customers c LEFT JOIN staff_members m ON m.id = c.account_manager_id
        """

    /// Replaces the customer's token digest (issue, rotate) or clears it (revoke, `digest` nil). The old
    /// token stops working in the same transaction, and so do sessions opened with it.
    public func setTokenDigest(_ digest: [UInt8]?, customerID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            UPDATE customers SET token_sha256 = \(digest.map { ByteBuffer(bytes: $0) }),
                   token_issued_at = CASE WHEN \(digest != nil) THEN now() END
            WHERE id = \(customerID)
            """,
            logger: logger
        )
        try await connection.query(
            "UPDATE sessions SET revoked_at = now() WHERE principal_kind = 'customer' AND principal_id = \(customerID) AND revoked_at IS NULL",
            logger: logger
        )
    }

    public func hasToken(customerID: Int, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.value(
            "SELECT token_sha256 IS NOT NULL FROM customers WHERE id = \(customerID)",
            as: Bool.self,
            logger: logger
        ) == true
    }

    public func customerAdmins(customerID: Int, on connection: PostgresConnection, logger: Logger) async throws -> [Customer.Admin] {
        try await connection.rows(
            "SELECT name, email, phone FROM customer_admins WHERE customer_id = \(customerID) ORDER BY id",
            as: (String, String, String).self,
            logger: logger
        ).map { Customer.Admin(name: $0, email: $1, phone: $2) }
    }

    // MARK: Staff

    /// Every active staff member, by display name (to assign tickets to).
    public func activeStaff(on connection: PostgresConnection, logger: Logger) async throws -> [StaffMember] {
        try await connection.rows(
            "SELECT id, username, display_name, role, team FROM staff_members WHERE active ORDER BY display_name, username",
            as: (Int, String, String, String, String).self,
            logger: logger
        ).map { StaffMember(id: $0, username: $1, displayName: $2, role: .init(rawValue: $3) ?? .agent, team: $4) }
    }

    public func staff(username: String, on connection: PostgresConnection, logger: Logger) async throws -> StaffMember? {
        try await connection.rows(
            "SELECT id, display_name, role, team FROM staff_members WHERE username = \(username) AND active",
            as: (Int, String, String, String).self,
            logger: logger
        ).first.map { StaffMember(id: $0, username: username, displayName: $1, role: .init(rawValue: $2) ?? .agent, team: $3) }
    }

    // MARK: Sessions

    public func createSession(
        digest: [UInt8],
        principal: Principal,
        expiresAt: Date,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO sessions (token_sha256, principal_kind, principal_id, expires_at)
            VALUES (\(ByteBuffer(bytes: digest)), \(principal.kind), \(principal.id), \(expiresAt))
            """,
            logger: logger
        )
    }

    public func revokeSession(digest: [UInt8], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "UPDATE sessions SET revoked_at = now() WHERE token_sha256 = \(ByteBuffer(bytes: digest)) AND revoked_at IS NULL",
            logger: logger
        )
    }

    /// Who holds the bearer value (an open session, or else a customer's own token), and until when
    /// that holds by the clock alone: the session's end, or a portal user's end date; nil for a
    /// customer's token, which ends only when changed. One round trip, because every authenticated
    /// request pays it.
    public func principal(
        bearerDigest digest: [UInt8],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws
        -> (principal: Principal, validUntil: Date?)?
    {
        let bytes = ByteBuffer(bytes: digest)
        let found = try await connection.rows(
            """
            WITH holder AS (
                SELECT principal_kind AS kind, principal_id AS id, expires_at FROM sessions
                WHERE token_sha256 = \(bytes) AND revoked_at IS NULL AND expires_at > now()
                UNION ALL
                SELECT 'customer', id, NULL FROM customers WHERE token_sha256 = \(bytes)
                LIMIT 1
            )
            SELECT h.kind, h.id, coalesce(c.name, s.display_name, u.display_name), coalesce(s.username, u.username, ''),
                   coalesce(s.role, ''), coalesce(s.team, ''), coalesce(u.kind, ''), c.code, c.warranty_until, least(h.expires_at, u.active_until)
            FROM holder h
            LEFT JOIN customers c ON h.kind = 'customer' AND c.id = h.id
            LEFT JOIN staff_members s ON h.kind = 'staff' AND s.id = h.id AND s.active
            LEFT JOIN portal_users u ON h.kind = 'portal_user' AND u.id = h.id AND (u.active_until IS NULL OR u.active_until > now())
            """,
            as: (String, Int, String?, String, String, String, String, String?, Date?, Date?).self,
            logger: logger
        )
        guard let (kind, id, name, username, role, team, userKind, code, warranty, validUntil) = found.first, let name else { return nil }
        let principal: Principal =
            switch kind {
            case "customer": .customer(Customer(id: id, code: code ?? "", name: name, warrantyUntil: warranty))
            case "staff": .staff(StaffMember(id: id, username: username, displayName: name, role: .init(rawValue: role) ?? .agent, team: team))
            default: .portalUser(PortalUser(id: id, username: username, displayName: name, kind: userKind))
            }
        return (principal, validUntil)
    }

    // MARK: Failed sign-ins

    /// Takes a transaction lock for each of `subjects`, in one order (so two attempts never wait on
    /// each other crosswise): attempts for one username or from one address take turns until commit.
    public func lockSignInSubjects(_ subjects: [String], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.perform(
            """
            SELECT count(pg_advisory_xact_lock(hashtextextended(current_schema() || ':sign-in:' || subject, 0)))
            FROM (SELECT unnest(\(subjects)::text[]) AS subject ORDER BY 1) AS ordered
            """,
            logger: logger
        )
    }

    /// Records a failure for each of `subjects`; returns the records' ids.
    @discardableResult
    public func recordFailedSignIn(subjects: [String], on connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        try await connection.rows(
            "INSERT INTO sign_in_failures (subject) SELECT unnest(\(subjects)::text[]) RETURNING id",
            as: Int.self,
            logger: logger
        )
    }

    /// Removes the failures recorded as `ids` and every failure of `subjects`.
    public func forgiveFailedSignIns(ids: [Int], subjects: [String], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM sign_in_failures WHERE id = ANY(\(ids)) OR subject = ANY(\(subjects))", logger: logger)
    }

    /// For each subject with failures since `since`: how many, and when the oldest and newest were.
    public func failedSignIns(
        subjects: [String],
        since: Date,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [String: (count: Int, oldest: Date, newest: Date)] {
        let rows = try await connection.rows(
            """
            SELECT subject, count(*)::bigint, min(failed_at), max(failed_at) FROM sign_in_failures
            WHERE subject = ANY(\(subjects)) AND failed_at > \(since) GROUP BY subject
            """,
            as: (String, Int, Date, Date).self,
            logger: logger
        )
        return Dictionary(uniqueKeysWithValues: rows.map { ($0, (count: $1, oldest: $2, newest: $3)) })
    }
}
