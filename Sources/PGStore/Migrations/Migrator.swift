import Logging
import PostgresNIO

/// Brings the platform schema and every tenant schema up to this binary's migrations.
///
/// Each schema migrates in its own transaction, so a crash leaves every tenant either before or after
/// a migration, never half-way, and running again carries on. A tenant that fails is rolled back and
/// reported; the others still advance.
public struct Migrator: Sendable {
    let database: Database
    let migrations: MigrationSet

    public init(database: Database, migrations: MigrationSet) {
        self.database = database
        self.migrations = migrations
    }

    public struct Options: Sendable {
        public var concurrency: Int
        public var dryRun: Bool
        /// The login the service uses; created or checked, and granted every tenant role.
        public var serviceLogin: ServiceLogin?
        /// Only these tenants (nil: all of them).
        public var tenants: [TenantSlug]?
        /// Runs after each tenant's migrations, in its scope and transaction, also when nothing was
        /// pending (not in a dry run): how data a tenant's modules need (default workflows) reaches
        /// tenants made before it existed.
        public var seed: (@Sendable (Tenant, PostgresConnection) async throws -> Void)?

        public init(
            concurrency: Int = 4,
            dryRun: Bool = false,
            serviceLogin: ServiceLogin? = nil,
            tenants: [TenantSlug]? = nil,
            seed: (@Sendable (Tenant, PostgresConnection) async throws -> Void)? = nil
        ) {
            self.concurrency = max(1, concurrency)
            self.dryRun = dryRun
            self.serviceLogin = serviceLogin
            self.tenants = tenants
            self.seed = seed
        }
    }

    public func migrate(_ options: Options, logger: Logger) async throws -> MigrationReport {
        try await database.withConnection(logger: logger) { lock in
            let acquired = try await lock.value("SELECT pg_try_advisory_lock(\(SchemaLocks.migrator))", as: Bool.self, logger: logger)
            guard acquired == true else { throw MigrationError.alreadyRunning }
            do {
                // Waits for tenant creations in flight and holds new ones back until we are done.
                try await lock.query("SELECT pg_advisory_lock(\(SchemaLocks.schemaChange))", logger: logger)
                let report = try await migrateAll(options, logger: logger)
                try await lock.query("SELECT pg_advisory_unlock_all()", logger: logger)
                return report
            } catch {
                _ = try? await lock.query("SELECT pg_advisory_unlock_all()", logger: logger)
                throw error
            }
        }
    }

    private func migrateAll(_ options: Options, logger: Logger) async throws -> MigrationReport {
        let platform = try await migratePlatform(dryRun: options.dryRun, logger: logger)
        var loginOutcome: ServiceLogin.Outcome?
        if let login = options.serviceLogin, !options.dryRun {
            loginOutcome = try await database.withTransaction(logger: logger) { connection in
                try await login.provision(on: connection, logger: logger)
            }
        }
        let tenants = try await tenantsToMigrate(options.tenants, logger: logger)
        let outcomes = await forEach(tenants, concurrency: options.concurrency) { tenant in
            await migrateTenant(tenant, dryRun: options.dryRun, seed: options.seed, logger: logger)
        }
        return MigrationReport(
            platform: platform,
            serviceLogin: loginOutcome,
            tenants: zip(tenants, outcomes).map { TenantMigrationOutcome(slug: $0.slug, outcome: $1) }
        )
    }

    private func migratePlatform(dryRun: Bool, logger: Logger) async throws -> SchemaOutcome {
        try await database.withTransaction(logger: logger) { connection in
            let exists =
                try await connection.value(
                    "SELECT to_regclass('platform.schema_migrations') IS NOT NULL",
                    as: Bool.self,
                    logger: logger
                ) == true
            if !exists && dryRun {
                return .wouldApply(from: 0, files: migrations.platform.map(\.fileName))
            }
            if !exists {
                try await connection.run(sql: "CREATE SCHEMA IF NOT EXISTS platform", logger: logger)
            }
            try await connection.perform("SELECT set_config('search_path', 'platform', true)", logger: logger)
            if !exists {
                try await connection.run(sql: PostgresConnection.createLedgerSQL, logger: logger)
            }
            return try await migrateSchema(on: connection, available: migrations.platform, dryRun: dryRun, logger: logger)
        }
    }

    /// Applies what is pending on the schema on the search path, then (for a tenant) the function
    /// files whose checksum changed; the caller's transaction makes it atomic.
    private func migrateSchema(
        on connection: PostgresConnection,
        available: [Migration],
        functions: [FunctionFile] = [],
        dryRun: Bool,
        logger: Logger
    ) async throws -> SchemaOutcome {
        let applied = try await connection.appliedMigrations(logger: logger)
        let pending = try MigrationSet.pending(applied: applied, available: available)
        let from = applied.last?.version ?? 0
        if dryRun {
            // Before 0024 a schema has no record of its functions: all of them would run.
            let hasLedger = try await connection.value("SELECT to_regclass('schema_functions') IS NOT NULL", as: Bool.self, logger: logger)
            let recorded = hasLedger == true ? try await connection.appliedFunctions(logger: logger) : [:]
            let files = pending.map(\.fileName) + FunctionFile.pending(functions, recorded: recorded).map { "functions/" + $0.fileName }
            return files.isEmpty ? .upToDate(version: from) : .wouldApply(from: from, files: files)
        }
        try await connection.apply(pending, logger: logger)
        let functionFiles = try await connection.applyFunctions(functions, logger: logger)
        let files = pending.map(\.fileName) + functionFiles
        return files.isEmpty ? .upToDate(version: from) : .migrated(from: from, to: pending.last?.version ?? from, files: files)
    }

    private func tenantsToMigrate(_ only: [TenantSlug]?, logger: Logger) async throws -> [Tenant] {
        try await database.withConnection(logger: logger) { connection in
            try await TenantCatalog.tenants(
                connection.query(
                    """
                    SELECT \(unescaped: TenantCatalog.columns) FROM platform.tenants
                    WHERE \(only == nil) OR slug = ANY(\(only?.map(\.value) ?? [])) ORDER BY slug
                    """,
                    logger: logger
                )
            )
        }
    }

    private func migrateTenant(
        _ tenant: Tenant,
        dryRun: Bool,
        seed: (@Sendable (Tenant, PostgresConnection) async throws -> Void)?,
        logger: Logger
    ) async -> SchemaOutcome {
        var logger = logger
        logger[metadataKey: "tenant"] = "\(tenant.slug)"
        do {
            return try await database.withTenant(tenant.scope, logger: logger) { connection in
                try await connection.perform("SELECT set_config('lock_timeout', '10s', true)", logger: logger)
                let outcome = try await migrateSchema(
                    on: connection,
                    available: migrations.tenant,
                    functions: migrations.tenantFunctions,
                    dryRun: dryRun,
                    logger: logger
                )
                guard !dryRun, let version = outcome.version else { return outcome }
                try await seed?(tenant, connection)
                if version != tenant.schemaVersion {
                    // Back to the migrating login for the catalog, for this transaction only, and out of
                    // the tenant's schema too: the tenant role can create objects there, and nothing
                    // it made may be found by name while the owner runs a statement.
                    try await connection.perform(
                        "SELECT set_config('role', 'none', true), set_config('search_path', 'pg_catalog', true)",
                        logger: logger
                    )
                    try await connection.query(
                        "UPDATE platform.tenants SET schema_version = \(version) WHERE slug = \(tenant.slug.value)",
                        logger: logger
                    )
                }
                return outcome
            }
        } catch {
            let reason = (error as? MigrationError)?.description ?? error.operatorMessage
            logger.warning("tenant migration failed", metadata: ["reason": "\(reason)"])
            return .failed(version: tenant.schemaVersion, reason: reason)
        }
    }
}

/// Runs `work` over `items` with at most `concurrency` at once; results come back in the items' order.
func forEach<Item: Sendable, Result: Sendable>(
    _ items: [Item],
    concurrency: Int,
    _ work: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    await withTaskGroup(of: (Int, Result).self) { group in
        var results: [Result?] = Array(repeating: nil, count: items.count)
        var next = 0
        func startNext() {
            guard next < items.count else { return }
            let index = next
            next += 1
            group.addTask { (index, await work(items[index])) }
        }
        for _ in 0..<concurrency { startNext() }
        for await (index, result) in group {
            results[index] = result
            startNext()
        }
        return results.map { $0! }
    }
}
