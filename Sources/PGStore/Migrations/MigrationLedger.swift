import Logging
import PostgresNIO

/// Reading and writing a schema's `schema_migrations`, the record of what has been applied to it.
/// Every function works on the schema first on the open transaction's search path.
extension PostgresConnection {
    static let createLedgerSQL = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            file_name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    func appliedMigrations(logger: Logger) async throws -> [AppliedMigration] {
        let rows = try await query("SELECT version, file_name, checksum FROM schema_migrations ORDER BY version", logger: logger)
        var applied: [AppliedMigration] = []
        for try await (version, fileName, checksum) in rows.decode((Int, String, String).self) {
            applied.append(AppliedMigration(version: version, fileName: fileName, checksum: checksum))
        }
        return applied
    }

    /// Runs each migration's statements in order and records it; a failing statement names its file.
    func apply(_ migrations: [Migration], logger: Logger) async throws {
        for migration in migrations {
            for statement in migration.statements {
                do {
                    try await run(sql: statement, logger: logger)
                } catch {
                    throw MigrationError.statementFailed(
                        file: migration.fileName, statement: statement, reason: error.operatorMessage)
                }
            }
            try await query(
                """
                INSERT INTO schema_migrations (version, file_name, checksum)
                VALUES (\(migration.version), \(migration.fileName), \(migration.checksum))
                """,
                logger: logger
            )
        }
    }
}
