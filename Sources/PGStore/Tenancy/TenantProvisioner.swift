import Logging
import PostgresNIO

/// Creates and deletes tenants: their catalog row, role and schema. Needs the admin login.
public struct TenantProvisioner: Sendable {
    let database: Database
    let migrations: MigrationSet
    let serviceLogin: SQLIdentifier

    public init(database: Database, migrations: MigrationSet, serviceLogin: SQLIdentifier) {
        self.database = database
        self.migrations = migrations
        self.serviceLogin = serviceLogin
    }

    /// Creates the tenant in one transaction: catalog row, NOLOGIN role, schema owned by that role, every
    /// tenant migration applied as that role, and the role granted to the service login. Two racing
    /// creations of one slug meet at the catalog's primary key; the loser gets `alreadyExists`.
    /// `seed` runs last, in the tenant's scope and the same transaction (default workflows, say).
    public func create(
        _ new: NewTenant,
        actor: String,
        logger: Logger,
        seed: (PostgresConnection) async throws -> Void = { _ in }
    ) async throws -> Tenant {
        let name = new.slug.schemaName
        let version = migrations.tenant.last?.version ?? 0
        do {
            return try await database.withTransaction(logger: logger) { connection in
                try await SchemaLocks.shareSchemaChange(on: connection, logger: logger)
                try await requirePlatformMigrated(on: connection, logger: logger)
                let created = try await TenantCatalog.tenants(
                    connection.query(
                        """
                        INSERT INTO platform.tenants (slug, schema_name, role_name, display_name, modules, locale, time_zone, schema_version)
                        VALUES (\(new.slug.value), \(name.name), \(name.name), \(new.displayName), \(new.modules.map(\.rawValue)),
                                \(new.locale.rawValue), \(new.timeZone), \(version))
                        RETURNING \(unescaped: TenantCatalog.columns)
                        """,
                        logger: logger
                    )
                )
                try await connection.run(sql: "CREATE ROLE \(name.quoted) NOLOGIN", logger: logger)
                try await connection.run(sql: "GRANT \(name.quoted) TO CURRENT_USER", logger: logger)
                try await connection.run(sql: "GRANT \(name.quoted) TO \(serviceLogin.quoted)", logger: logger)
                try await connection.run(sql: "CREATE SCHEMA \(name.quoted) AUTHORIZATION \(name.quoted)", logger: logger)
                try await connection.run(sql: ServiceLogin.schemaUsageSQL(name, login: serviceLogin), logger: logger)
                try await connection.perform("SELECT platform.grant_tenant_access(\(name.name))", logger: logger)
                try await connection.enter(new.slug.scope, logger: logger)
                try await connection.run(sql: PostgresConnection.createLedgerSQL, logger: logger)
                try await connection.apply(migrations.tenant, logger: logger)
                _ = try await connection.applyFunctions(migrations.tenantFunctions, logger: logger)
                try await AuditLog.record(actor: actor, action: "tenant.created", on: connection, logger: logger)
                try await seed(connection)
                return created[0]
            }
        } catch let error where error.sqlState == SQLState.uniqueViolation {
            throw TenantError.alreadyExists(new.slug)
        } catch let error where error.sqlState == SQLState.duplicateObject {
            throw TenantError.roleTaken(name.name)
        }
    }

    /// Deletes a suspended tenant: its schema with all data, its role and its catalog row.
    public func delete(_ slug: TenantSlug, confirmation: String, logger: Logger) async throws {
        guard confirmation == slug.value else { throw TenantError.confirmationMismatch(slug) }
        let name = slug.schemaName
        try await database.withTransaction(logger: logger) { connection in
            try await SchemaLocks.shareSchemaChange(on: connection, logger: logger)
            let status = try await connection.value(
                "SELECT status FROM platform.tenants WHERE slug = \(slug.value) FOR UPDATE",
                as: String.self,
                logger: logger
            )
            guard let status else { throw TenantError.notFound(slug.value) }
            guard status == TenantStatus.suspended.rawValue else { throw TenantError.stillActive(slug) }
            // DROP OWNED removes the schema, everything in it and every grant the role holds in this
            // database; DROP ROLE its membership of the tenants' group (platform 0005).
            try await connection.run(sql: "DROP OWNED BY \(name.quoted) CASCADE", logger: logger)
            try await connection.query("DELETE FROM platform.outbox WHERE tenant_role = \(name.name)", logger: logger)
            try await connection.query("DELETE FROM platform.sla_timers WHERE tenant_role = \(name.name)", logger: logger)
            try await connection.run(sql: "DROP ROLE \(name.quoted)", logger: logger)
            try await connection.query("DELETE FROM platform.tenants WHERE slug = \(slug.value)", logger: logger)
        }
    }

    private func requirePlatformMigrated(on connection: PostgresConnection, logger: Logger) async throws {
        let versions: [Int] = try await connection.rows("SELECT version FROM platform.schema_migrations", as: Int.self, logger: logger)
        let applied = Set(versions)
        let missing = migrations.platform.map(\.version).filter { !applied.contains($0) }
        guard missing.isEmpty else { throw TenantError.platformNotMigrated(missing: missing) }
    }
}
