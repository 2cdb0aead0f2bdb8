import Foundation
import Logging
import PostgresNIO

/// The tenant catalog (`platform.tenants`): which businesses exist, their settings and status.
/// The service login may only read it; status changes need the admin login.
public struct TenantCatalog: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = "slug, display_name, modules, locale, time_zone, status, schema_version, created_at"

    public func find(_ slug: TenantSlug, logger: Logger) async throws -> Tenant? {
        try await database.withConnection(logger: logger) { connection in
            try await Self.tenants(
                connection.query("SELECT \(unescaped: Self.columns) FROM platform.tenants WHERE slug = \(slug.value)", logger: logger)
            ).first
        }
    }

    public func list(logger: Logger) async throws -> [Tenant] {
        try await database.withConnection(logger: logger) { connection in
            try await Self.tenants(
                connection.query("SELECT \(unescaped: Self.columns) FROM platform.tenants ORDER BY slug", logger: logger)
            )
        }
    }

    /// Suspends or resumes a tenant and writes the change to its audit log, in one transaction.
    public func setStatus(_ status: TenantStatus, of slug: TenantSlug, actor: String, logger: Logger) async throws -> Tenant {
        try await change(
            slug,
            """
            UPDATE platform.tenants SET status = \(status.rawValue), status_changed_at = now()
            WHERE slug = \(slug.value) RETURNING \(unescaped: Self.columns)
            """,
            audited: status == .suspended ? "tenant.suspended" : "tenant.resumed",
            actor: actor,
            logger: logger
        )
    }

    /// Applies `edit` to the tenant's catalog row and records it in the tenant's audit log; `inScope`
    /// then runs in the same transaction inside the tenant's scope, with the tenant as it now is
    /// (onboarding installs a new module's workflows there). Every instance hears of the change
    /// (platform migration 0004).
    public func update(
        _ slug: TenantSlug,
        _ edit: TenantEdit,
        actor: String,
        logger: Logger,
        inScope: (Tenant, PostgresConnection) async throws -> Void = { _, _ in }
    ) async throws -> Tenant {
        try await change(
            slug,
            """
            UPDATE platform.tenants SET display_name = coalesce(\(edit.displayName), display_name),
                modules = coalesce(\(edit.modules?.map(\.rawValue)), modules), locale = coalesce(\(edit.locale?.rawValue), locale),
                time_zone = coalesce(\(edit.timeZone), time_zone)
            WHERE slug = \(slug.value) RETURNING \(unescaped: Self.columns)
            """,
            audited: "tenant.updated",
            actor: actor,
            logger: logger,
            inScope: inScope
        )
    }

    /// Runs `update` (an UPDATE of the tenant's row, RETURNING `columns`) and records `action` in the
    /// tenant's audit log, then `inScope` inside the tenant's scope, all in one transaction.
    private func change(
        _ slug: TenantSlug,
        _ update: PostgresQuery,
        audited action: String,
        actor: String,
        logger: Logger,
        inScope: (Tenant, PostgresConnection) async throws -> Void = { _, _ in }
    ) async throws -> Tenant {
        try await database.withTransaction(logger: logger) { connection in
            guard let tenant = try await Self.tenants(connection.query(update, logger: logger)).first else {
                throw TenantError.notFound(slug.value)
            }
            try await connection.enter(slug.scope, logger: logger)
            try await AuditLog.record(actor: actor, action: action, on: connection, logger: logger)
            try await inScope(tenant, connection)
            return tenant
        }
    }

    /// Disk use and exact row counts of one tenant's tables, for `tenant show`.
    public func usage(of slug: TenantSlug, logger: Logger) async throws -> [TableUsage] {
        try await database.withTenant(slug.scope, logger: logger) { connection in
            let tables = try await connection.rows(
                """
                SELECT c.relname::text, pg_total_relation_size(c.oid)
                FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                ORDER BY c.relname
                """,
                as: (String, Int).self,
                logger: logger
            )
            var usage: [TableUsage] = []
            for (name, bytes) in tables {
                guard let table = SQLIdentifier(name) else { continue }
                let rows =
                    try await connection.value(
                        PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table.quoted)"),
                        as: Int.self,
                        logger: logger
                    ) ?? 0
                usage.append(TableUsage(table: name, rows: rows, bytes: bytes))
            }
            return usage
        }
    }

    /// Bytes on disk per tenant, for `tenant list`, in one query.
    public func sizes(logger: Logger) async throws -> [TenantSlug: Int] {
        try await database.withConnection(logger: logger) { connection in
            let rows = try await connection.query(
                """
                SELECT t.slug, COALESCE(sum(pg_total_relation_size(c.oid)), 0)::bigint
                FROM platform.tenants t
                LEFT JOIN pg_namespace n ON n.nspname = t.schema_name
                LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
                GROUP BY t.slug
                """,
                logger: logger
            )
            var sizes: [TenantSlug: Int] = [:]
            for try await (slug, bytes) in rows.decode((String, Int).self) {
                sizes[try TenantSlug(slug)] = bytes
            }
            return sizes
        }
    }

    static func tenants(_ rows: PostgresRowSequence) async throws -> [Tenant] {
        var tenants: [Tenant] = []
        for try await (slug, name, modules, locale, zone, status, version, createdAt) in rows.decode(
            (String, String, [String], String, String, String, Int, Date).self
        ) {
            tenants.append(
                Tenant(
                    slug: try TenantSlug(slug),
                    displayName: name,
                    modules: modules.compactMap(PortalModule.init(rawValue:)),
                    locale: PortalLocale(rawValue: locale) ?? .vi,
                    timeZone: zone,
                    status: TenantStatus(rawValue: status) ?? .suspended,
                    schemaVersion: version,
                    createdAt: createdAt
                )
            )
        }
        return tenants
    }
}

/// One table of a tenant's schema: how many rows and how many bytes with its indexes.
public struct TableUsage: Sendable, Equatable {
    public var table: String
    public var rows: Int
    public var bytes: Int
}
