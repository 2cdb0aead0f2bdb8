import Foundation
import Logging
import PGStore

/// The test cluster that `scripts/dev test` starts and migrates, reached through the same two
/// settings the product uses. Each test makes its own pool and its own tenants, so tests run in
/// parallel without sharing state.
public enum TestDatabase {
    public static let logger: Logger = {
        var logger = Logger(label: "tests")
        logger.logLevel = .error
        return logger
    }()

    public static func adminURL() throws -> DatabaseURL {
        try url("ADMIN_DATABASE_URL")
    }

    public static func serviceURL() throws -> DatabaseURL {
        try url("DATABASE_URL")
    }

    /// The service login through PgBouncer in transaction mode, which `scripts/dev test` starts in
    /// front of the test cluster.
    public static func poolerURL() throws -> DatabaseURL {
        try url("POOLER_DATABASE_URL")
    }

    public static func serviceLogin() throws -> ServiceLogin {
        try ServiceLogin(url: serviceURL())
    }

    /// Runs `body` with a running pool on the admin (owner) login.
    @discardableResult
    public static func asAdmin<R: Sendable>(_ body: (Database) async throws -> R) async throws -> R {
        let database = Database(url: try adminURL(), maxConnections: 8, logger: logger)
        return try await database.whileRunning { try await body(database) }
    }

    /// Runs `body` with a running pool on the service login, as the HTTP service connects.
    @discardableResult
    public static func asService<R: Sendable>(_ body: (Database) async throws -> R) async throws -> R {
        let database = Database(url: try serviceURL(), maxConnections: 8, logger: logger)
        return try await database.whileRunning { try await body(database) }
    }

    /// Creates a tenant with a fresh random slug through the product's own provisioning.
    public static func createTenant(
        _ admin: Database,
        name: String = "Công ty Thử nghiệm",
        migrations: MigrationSet? = nil
    ) async throws -> Tenant {
        let new = try NewTenant(slug: uniqueSlug(), displayName: name, modules: "it,care")
        return try await provisioner(admin, migrations: migrations).create(new, actor: "tests", logger: logger)
    }

    /// Provisioning on the admin login, granting tenant roles to the test service login.
    public static func provisioner(_ admin: Database, migrations: MigrationSet? = nil) throws -> TenantProvisioner {
        try TenantProvisioner(database: admin, migrations: migrations ?? MigrationSet.embedded(), serviceLogin: serviceLogin().name)
    }

    /// A slug no other test uses: `t` and 12 random letters and digits.
    public static func uniqueSlug(prefix: String = "t") -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return prefix + String((0..<12).map { _ in alphabet.randomElement()! })
    }

    private static func url(_ variable: String) throws -> DatabaseURL {
        guard let text = ProcessInfo.processInfo.environment[variable] else {
            throw SettingError(setting: variable, problem: "is not set: run the tests with scripts/dev test")
        }
        return try DatabaseURL(text, setting: variable)
    }
}
