import Logging
import PostgresNIO

/// Advisory lock keys that order schema changes across processes.
///
/// `migrator` is held by one `migrate` at a time (a second one is refused). `schemaChange` is held
/// exclusively while migrating and shared while a tenant is created or deleted, so a tenant is never
/// created half-way through a migration with an older set of files.
enum SchemaLocks {
    static let migrator: Int64 = 0x5450_0001
    static let schemaChange: Int64 = 0x5450_0002

    /// Taken inside a creating or deleting transaction; released by its COMMIT or ROLLBACK.
    static func shareSchemaChange(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.perform("SELECT pg_advisory_xact_lock_shared(\(schemaChange))", logger: logger)
    }
}
