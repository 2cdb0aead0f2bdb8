import Dispatch
import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// The service's PostgreSQL pool and the only way code reaches the database: platform work runs in
/// `withTransaction`, tenant changes in `withTenant` and tenant reads in `reading`, each of which
/// scopes one transaction to one tenant. A read that is one call of a tenant function may instead
/// enter the scope inside its own statement (`\(entering: scope)`), on a connection from
/// `withConnection`.
///
/// No tenant state ever outlives the transaction (or the single statement) that set it: role and
/// search path are always set transaction-local. Behind a transaction pooler (PgBouncer,
/// `pool_mode = transaction`) each transaction may run on another server session, so a scope left
/// on a session would serve whichever tenant's request came next; the pool cannot know which
/// server session it holds, and so never trusts its memory of one.
public final class Database: Service {
    public let url: DatabaseURL
    /// Where LISTEN connections go: PostgreSQL itself, since a transaction pooler cannot keep a
    /// listening session (`DATABASE_LISTEN_URL`, by default `url`).
    public let listenURL: DatabaseURL
    let client: PostgresClient
    private let leased = Meter(label: "db_pool_connections_leased")
    private let leaseWait = Timer(label: "db_pool_lease_wait_seconds", preferredDisplayUnit: .seconds)

    public init(url: DatabaseURL, listenURL: DatabaseURL? = nil, maxConnections: Int = 20, logger: Logger) {
        var configuration = url.clientConfiguration
        configuration.options.maximumConnections = maxConnections
        self.url = url
        self.listenURL = listenURL ?? url
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        Gauge(label: "db_pool_connections_max").record(maxConnections)
    }

    /// Runs the pool until the task is cancelled; nothing can be leased while it is not running.
    public func run() async {
        await client.run()
    }

    /// Runs `body` with the pool running, then stops the pool: for commands and tests that are not
    /// under a ServiceGroup.
    @discardableResult
    public func whileRunning<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    /// Leases one connection for platform work as the pool's own login, with the default search path
    /// (nothing of ours ever sets either beyond one transaction).
    @discardableResult
    public func withConnection<R: Sendable>(
        logger: Logger,
        _ body: (PostgresConnection) async throws -> R
    ) async throws -> R {
        try await lease(body)
    }

    /// Reads for one tenant: one read-only transaction as its role with its schema on the search
    /// path. The transaction costs two round trips (BEGIN, COMMIT) on top of the scope's; it is what
    /// keeps the scope from outliving the read on a pooled server session. The hottest read, one
    /// ticket, needs none of them (`\(entering: scope)`).
    @discardableResult
    public func reading<R: Sendable>(
        _ scope: TenantScope,
        logger: Logger,
        _ body: (PostgresConnection) async throws -> R
    ) async throws -> R {
        try await lease { connection in
            try await connection.inTransaction("BEGIN READ ONLY", logger: logger) { connection in
                try await connection.enter(scope, logger: logger)
                return try await body(connection)
            }
        }
    }

    /// Leases one connection for `body`, recording how long the lease took and how many are out.
    private func lease<R: Sendable>(_ body: (PostgresConnection) async throws -> R) async throws -> R {
        let asked = DispatchTime.now().uptimeNanoseconds
        return try await client.withConnection { connection in
            leaseWait.recordNanoseconds(DispatchTime.now().uptimeNanoseconds - asked)
            leased.increment()
            defer { leased.decrement() }
            return try await body(connection)
        }
    }

    /// Opens one connection outside the pool and closes it, so a wrong address or password is reported
    /// at once, in PostgreSQL's words, instead of after the pool's retries.
    public func verifyReachable(logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(configuration: url.connectionConfiguration(), id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw DatabaseUnreachable(url: url, reason: error.operatorMessage)
        }
    }

    /// Whether the database answers a trivial query within `limit`; for readiness checks.
    public func answers(within limit: Duration, logger: Logger) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                (try? await self.withConnection(logger: logger) { try await $0.query("SELECT 1", logger: logger) }) != nil
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// One transaction as the pool's own login (platform tables only, for the service login).
    @discardableResult
    public func withTransaction<R: Sendable>(
        logger: Logger,
        _ body: (PostgresConnection) async throws -> R
    ) async throws -> R {
        try await withConnection(logger: logger) { connection in
            try await connection.inTransaction(logger: logger, body)
        }
    }

    /// One transaction that acts as the tenant's role with the tenant's schema on the search path.
    /// Both settings are transaction-local: they end with the transaction.
    @discardableResult
    public func withTenant<R: Sendable>(
        _ scope: TenantScope,
        logger: Logger,
        _ body: (PostgresConnection) async throws -> R
    ) async throws -> R {
        try await lease { connection in
            try await connection.inTransaction(logger: logger) { connection in
                try await connection.enter(scope, logger: logger)
                return try await body(connection)
            }
        }
    }
}

extension PostgresConnection {
    /// BEGIN, `body`, COMMIT; ROLLBACK when `body` throws. A connection whose ROLLBACK fails is closed,
    /// so the pool never hands out a connection still inside someone's transaction.
    func inTransaction<R: Sendable>(
        _ begin: PostgresQuery = "BEGIN",
        logger: Logger,
        _ body: (PostgresConnection) async throws -> R
    ) async throws -> R {
        try await query(begin, logger: logger)
        do {
            let result = try await body(self)
            try await query("COMMIT", logger: logger)
            return result
        } catch {
            do {
                try await query("ROLLBACK", logger: logger)
            } catch {
                try? await close()
            }
            throw error
        }
    }

    /// Switches the open transaction to the tenant's role and schema in one round trip, with bound
    /// values; both end with the transaction.
    func enter(_ scope: TenantScope, logger: Logger) async throws {
        try await perform(
            """
            SELECT set_config('role', \(scope.role.name), true), set_config('search_path', \(scope.schema.quoted), true)
            """,
            logger: logger
        )
    }

    /// Every row of `query`, decoded as `types`.
    func rows<each Column: PostgresDecodable & Sendable>(
        _ query: PostgresQuery,
        as types: (repeat each Column).Type,
        logger: Logger
    ) async throws -> [(repeat each Column)] {
        let sequence: PostgresRowSequence = try await self.query(query, logger: logger)
        var rows: [(repeat each Column)] = []
        for try await row in sequence.decode(types) {
            rows.append(row)
        }
        return rows
    }

    /// The first column of the first row, or nil when there is no row.
    func value<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type, logger: Logger) async throws -> T? {
        try await rows(query, as: type, logger: logger).first
    }

    /// Runs a statement for what it does, reading its rows to the end and dropping them: an error
    /// raised while they are produced (a `SELECT f()` whose function fails) arrives with them, and
    /// would otherwise surface only as "current transaction is aborted" on the next statement,
    /// hiding PostgreSQL's own words.
    func perform(_ statement: PostgresQuery, logger: Logger) async throws {
        for try await _ in try await query(statement, logger: logger) {}
    }

    /// Runs trusted SQL text that cannot take binds (DDL with validated, quoted identifiers; migration files).
    func run(sql: String, logger: Logger) async throws {
        try await perform(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}

extension PostgresQuery.StringInterpolation {
    /// The empty string, worked out by entering the tenant's scope for the rest of ONE statement, so
    /// that a tenant read which is a single call of a tenant function costs one round trip instead
    /// of two: role and search path are set local to the statement's own transaction (both end
    /// with it). Prefix the call's first text argument with it,
    /// `<schema>.<function>(\(entering: scope) || <text>, ...)`: PostgreSQL works out a function's
    /// arguments before it runs the function, so the function runs inside the scope. Use it only as
    /// the service login with no scope of its own (`Database.withConnection`): the login may name
    /// the function by its schema, but the function reads the tables as whoever runs it, so anything
    /// run outside the scope would be refused, never served from another scope.
    mutating func appendInterpolation(entering scope: TenantScope) {
        appendLiteral("(SELECT left(set_config('role', ")
        appendInterpolation(scope.role.name)
        appendLiteral(", true) || set_config('search_path', ")
        appendInterpolation(scope.schema.quoted)
        appendLiteral(", true), 0))")
    }
}

/// The database could not be reached or refused the login.
public struct DatabaseUnreachable: Error, CustomStringConvertible {
    public let url: DatabaseURL
    public let reason: String

    public var description: String { "cannot connect to \(url): \(reason)" }
}

/// The role and schema a tenant's unit of work runs as.
public struct TenantScope: Sendable, Hashable {
    public let role: SQLIdentifier
    public let schema: SQLIdentifier

    public init(role: SQLIdentifier, schema: SQLIdentifier) {
        self.role = role
        self.schema = schema
    }
}
