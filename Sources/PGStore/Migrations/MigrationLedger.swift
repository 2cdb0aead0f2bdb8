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

    /// What `schema_functions` (tenant migration 0024) records: each function file's checksum.
    func appliedFunctions(logger: Logger) async throws -> [String: String] {
        let rows = try await rows("SELECT file_name, checksum FROM schema_functions", as: (String, String).self, logger: logger)
        return Dictionary(uniqueKeysWithValues: rows)
    }

    /// Runs each function file whose checksum differs from the recorded one, and records it.
    /// Returns the files it ran.
    func applyFunctions(_ files: [FunctionFile], logger: Logger) async throws -> [String] {
        guard !files.isEmpty else { return [] }
        let pending = FunctionFile.pending(files, recorded: try await appliedFunctions(logger: logger))
        for file in pending {
            for statement in file.statements {
                do {
                    try await run(sql: statement, logger: logger)
                } catch {
                    throw MigrationError.statementFailed(file: "functions/" + file.fileName, statement: statement, reason: error.operatorMessage)
                }
            }
            try await query(
                """
                INSERT INTO schema_functions (file_name, checksum) VALUES (\(file.fileName), \(file.checksum))
                ON CONFLICT (file_name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()
                """,
                logger: logger
            )
        }
        return pending.map { "functions/" + $0.fileName }
    }

    /// Runs each migration's statements in order and records it; a failing statement names its file.
    func apply(_ migrations: [Migration], logger: Logger) async throws {
        for migration in migrations {
            for statement in migration.statements {
                do {
                    try await run(sql: statement, logger: logger)
                } catch {
                    throw MigrationError.statementFailed(
                        file: migration.fileName,
                        statement: statement,
                        reason: error.operatorMessage
                    )
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
