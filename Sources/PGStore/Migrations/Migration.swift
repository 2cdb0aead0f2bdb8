import Crypto
import Foundation

/// One file from `sql/platform/` or `sql/tenant/`, named `NNNN_what_it_does.sql`.
public struct Migration: Sendable, Equatable {
    public enum Scope: String, Sendable {
        case platform, tenant
    }

    public let scope: Scope
    public let version: Int
    public let fileName: String
    /// SHA-256 of the file's text, recorded when applied so a later edit of the file is noticed.
    public let checksum: String
    let statements: [String]

    public init(scope: Scope, fileName: String, sql: String) throws(MigrationError) {
        guard fileName.hasSuffix(".sql"),
            let underscore = fileName.firstIndex(of: "_"),
            fileName[..<underscore].count == 4,
            let version = Int(fileName[..<underscore]), version > 0
        else {
            throw .badFileName("\(scope.rawValue)/\(fileName)")
        }
        self.scope = scope
        self.version = version
        self.fileName = fileName
        self.checksum = SHA256.hash(data: Data(sql.utf8)).hexDigits
        self.statements = SQLScript.statements(in: sql)
    }
}

/// One file from `sql/tenant/functions/`: a function (or a few that belong together) kept whole in
/// its current state, as Flyway's repeatable migrations are. It is applied again, after the
/// versioned migrations, whenever its checksum differs from the one recorded for that schema in
/// `schema_functions`. Its text must be safe to run again (`CREATE OR REPLACE`; a change of a
/// function's result columns needs a `DROP FUNCTION IF EXISTS` before it). A versioned migration
/// never calls such a function: when it runs, the function may still be an older version.
public struct FunctionFile: Sendable, Equatable {
    public let fileName: String
    public let checksum: String
    let statements: [String]

    public init(fileName: String, sql: String) throws(MigrationError) {
        guard fileName.hasSuffix(".sql"), !fileName.contains("/") else { throw .badFileName("tenant/functions/\(fileName)") }
        self.fileName = fileName
        self.checksum = SHA256.hash(data: Data(sql.utf8)).hexDigits
        self.statements = SQLScript.statements(in: sql)
    }

    /// The files whose checksum differs from the one `recorded` for a schema, by file name.
    public static func pending(_ files: [FunctionFile], recorded: [String: String]) -> [FunctionFile] {
        files.filter { recorded[$0.fileName] != $0.checksum }
    }
}

/// A migration already recorded in a schema's `schema_migrations`.
public struct AppliedMigration: Sendable, Equatable {
    public var version: Int
    public var fileName: String
    public var checksum: String

    public init(version: Int, fileName: String, checksum: String) {
        self.version = version
        self.fileName = fileName
        self.checksum = checksum
    }
}

/// The platform and tenant migrations this binary knows, in version order.
public struct MigrationSet: Sendable {
    public var platform: [Migration]
    public var tenant: [Migration]
    /// `sql/tenant/functions/`, in file-name order, applied after `tenant`.
    public var tenantFunctions: [FunctionFile]

    /// The files compiled into the binary from `sql/`.
    public static func embedded() throws(MigrationError) -> MigrationSet {
        try MigrationSet(files: EmbeddedFiles.all)
    }

    /// `files` maps paths such as `tenant/0001_audit_log.sql` to their text.
    public init(files: [String: String]) throws(MigrationError) {
        var platform: [Migration] = []
        var tenant: [Migration] = []
        var functions: [FunctionFile] = []
        for (path, sql) in files where path.hasSuffix(".sql") {
            if path.hasPrefix("tenant/functions/") {
                functions.append(try FunctionFile(fileName: String(path.dropFirst("tenant/functions/".count)), sql: sql))
                continue
            }
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let scope = Migration.Scope(rawValue: parts[0]) else {
                throw .badFileName(path)
            }
            let migration = try Migration(scope: scope, fileName: parts[1], sql: sql)
            if scope == .platform { platform.append(migration) } else { tenant.append(migration) }
        }
        self.platform = try Self.ordered(platform)
        self.tenant = try Self.ordered(tenant)
        self.tenantFunctions = functions.sorted { $0.fileName < $1.fileName }
    }

    public init(platform: [Migration], tenant: [Migration], tenantFunctions: [FunctionFile] = []) throws(MigrationError) {
        self.platform = try Self.ordered(platform)
        self.tenant = try Self.ordered(tenant)
        self.tenantFunctions = tenantFunctions
    }

    private static func ordered(_ migrations: [Migration]) throws(MigrationError) -> [Migration] {
        let sorted = migrations.sorted { ($0.version, $0.fileName) < ($1.version, $1.fileName) }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.version == later.version {
            throw .duplicateVersion(earlier.fileName, later.fileName)
        }
        return sorted
    }

    /// What must still run on a schema that has `applied`, or why that schema cannot be migrated.
    public static func pending(applied: [AppliedMigration], available: [Migration]) throws(MigrationError) -> [Migration] {
        let known = Dictionary(uniqueKeysWithValues: available.map { ($0.version, $0) })
        for record in applied {
            guard let migration = known[record.version] else {
                throw .unknownApplied(record.fileName)
            }
            guard migration.checksum == record.checksum else {
                throw .changedAfterApplied(migration.fileName)
            }
        }
        let done = Set(applied.map(\.version))
        return available.filter { !done.contains($0.version) }
    }
}

/// Why migrations could not be loaded or applied.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case badFileName(String)
    case duplicateVersion(String, String)
    case changedAfterApplied(String)
    case unknownApplied(String)
    case statementFailed(file: String, statement: String, reason: String)
    case alreadyRunning

    public var description: String {
        switch self {
        case .badFileName(let path):
            "migration file '\(path)' is not named NNNN_name.sql under platform/ or tenant/"
        case .duplicateVersion(let first, let second):
            "migrations '\(first)' and '\(second)' share a version number"
        case .changedAfterApplied(let file):
            "migration \(file) was changed after it was applied; restore the applied text and put the change in a new migration"
        case .unknownApplied(let file):
            "the schema has migration \(file) applied, which this binary does not know; it is older than the database"
        case .statementFailed(let file, let statement, let reason):
            "\(file) failed: \(reason)\n  in: \(statement.prefix(200))"
        case .alreadyRunning:
            "another portal-admin migrate is running against this database; wait for it to finish"
        }
    }
}
