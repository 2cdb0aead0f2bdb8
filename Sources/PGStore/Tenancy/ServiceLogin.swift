import Logging
import PostgresNIO

/// The database login the HTTP service connects as (the user in `DATABASE_URL`).
///
/// It must be NOINHERIT and hold no power of its own: it reads the tenant catalog and otherwise only
/// acts through `SET LOCAL ROLE` to a tenant role, so a unit of work that forgets its tenant scope is
/// refused by PostgreSQL instead of reading someone's data.
public struct ServiceLogin: Sendable {
    public let name: SQLIdentifier
    let password: String?

    public enum Outcome: String, Sendable {
        case created, verified
    }

    public init(url: DatabaseURL, setting: String = "DATABASE_URL") throws(SettingError) {
        guard let name = SQLIdentifier(url.username) else {
            throw SettingError(
                setting: setting,
                problem: "names login '\(url.username)'; the service login must match ^[a-z][a-z0-9_]*$"
            )
        }
        self.name = name
        self.password = url.password
    }

    /// Creates the login if missing, refuses one with unsafe attributes, and grants it what it needs:
    /// read access to the tenant catalog, the outbox (writing only its delivery columns) and the SLA
    /// timers for its workers, membership (without inheritance) of every tenant role, and USAGE on
    /// every tenant schema.
    func provision(on connection: PostgresConnection, logger: Logger) async throws -> Outcome {
        let outcome: Outcome
        if let unsafe = try await Self.unsafeAttributes(of: name.name, on: connection, logger: logger) {
            guard unsafe.isEmpty else { throw ServiceLoginError.unsafe(login: name.name, attributes: unsafe) }
            outcome = .verified
        } else {
            // format() quotes the name and password on the server: no text of ours is spliced into DDL.
            let create = try await connection.value(
                "SELECT format('CREATE ROLE %I LOGIN NOINHERIT PASSWORD %L', \(name.name), \(password))",
                as: String.self,
                logger: logger
            )
            try await connection.run(sql: create ?? "", logger: logger)
            outcome = .created
        }
        try await connection.run(sql: "GRANT USAGE ON SCHEMA platform TO \(name.quoted)", logger: logger)
        try await connection.run(sql: "GRANT SELECT ON platform.tenants TO \(name.quoted)", logger: logger)
        // Delivery records outcomes and nothing else: a message's recipient and text stay as the
        // tenant wrote them, whatever runs as the login. (Logins made before had UPDATE on all columns.)
        try await connection.run(sql: "REVOKE UPDATE ON platform.outbox FROM \(name.quoted)", logger: logger)
        try await connection.run(
            sql: "GRANT SELECT, UPDATE (status, attempts, next_attempt_at, last_error, sent_at) ON platform.outbox TO \(name.quoted)",
            logger: logger
        )
        try await connection.run(sql: "GRANT SELECT, UPDATE, DELETE ON platform.sla_timers TO \(name.quoted)", logger: logger)
        try await connection.run(sql: "GRANT SELECT, UPDATE ON platform.purge_schedule TO \(name.quoted)", logger: logger)
        let ungranted = try await connection.rows(
            """
            SELECT slug, member, usage FROM (
                SELECT slug, pg_has_role(\(name.name), role_name, 'MEMBER') AS member,
                       has_schema_privilege(\(name.name), schema_name, 'USAGE') AS usage
                FROM platform.tenants) AS granted
            WHERE NOT (member AND usage)
            """,
            as: (String, Bool, Bool).self,
            logger: logger
        )
        for (slug, member, usage) in ungranted {
            let schema = try TenantSlug(slug).schemaName
            if !member { try await connection.run(sql: "GRANT \(schema.quoted) TO \(name.quoted)", logger: logger) }
            if !usage { try await connection.run(sql: Self.schemaUsageSQL(schema, login: name), logger: logger) }
        }
        return outcome
    }

    /// USAGE on a tenant's schema lets the login name the tenant's functions from outside the scope
    /// (a lookup enters the scope inside its one statement, `TicketStore`); it grants nothing inside:
    /// the login holds no privilege on any table, and every function runs with its caller's rights.
    static func schemaUsageSQL(_ schema: SQLIdentifier, login: SQLIdentifier) -> String {
        "GRANT USAGE ON SCHEMA \(schema.quoted) TO \(login.quoted)"
    }

    /// Refuses to go on when the database's current login could read tenant data without a tenant scope.
    public static func requireIsolated(_ database: Database, logger: Logger) async throws {
        try await database.withConnection(logger: logger) { connection in
            let login = try await connection.value("SELECT current_user::text", as: String.self, logger: logger) ?? ""
            let unsafe = try await unsafeAttributes(of: login, on: connection, logger: logger) ?? []
            guard unsafe.isEmpty else { throw ServiceLoginError.unsafe(login: login, attributes: unsafe) }
        }
    }

    /// The attributes that would let `login` bypass tenant isolation; nil when there is no such login.
    static func unsafeAttributes(of login: String, on connection: PostgresConnection, logger: Logger) async throws -> [String]? {
        let rows = try await connection.rows(
            """
            SELECT rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
            FROM pg_roles WHERE rolname = \(login)
            """,
            as: (Bool, Bool, Bool, Bool, Bool, Bool).self,
            logger: logger
        )
        guard let (superuser, inherit, createRole, createDB, replication, bypassRLS) = rows.first else { return nil }
        return [
            superuser ? "SUPERUSER" : nil, inherit ? "INHERIT" : nil, createRole ? "CREATEROLE" : nil,
            createDB ? "CREATEDB" : nil, replication ? "REPLICATION" : nil, bypassRLS ? "BYPASSRLS" : nil,
        ].compactMap { $0 }
    }
}

public enum ServiceLoginError: Error, Equatable, CustomStringConvertible {
    case unsafe(login: String, attributes: [String])

    public var description: String {
        switch self {
        case .unsafe(let login, let attributes):
            """
            the service login '\(login)' (DATABASE_URL) has \(attributes.joined(separator: ", ")); it must be a \
            plain NOINHERIT login so tenant isolation holds. Use another login, or fix it: \
            ALTER ROLE \(login) NOSUPERUSER NOINHERIT NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS
            """
        }
    }
}
