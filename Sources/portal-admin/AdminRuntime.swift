import ArgumentParser
import Foundation
import Logging
import PGStore
import TenantPortal

/// What every subcommand shares: settings from the environment, a logger, and the admin pool.
struct AdminRuntime {
    let settings: PortalSettings
    let logger: Logger

    /// Reads the environment and sets up logging: JSON lines for the service, terse text for commands.
    static func start(service: Bool = false) throws -> AdminRuntime {
        let settings = try operatorFacing { try PortalSettings.fromEnvironment() }
        let level = service ? settings.logLevel : max(settings.logLevel, .error)
        LoggingSystem.bootstrap { label in
            if service { return JSONLogHandler(label: label, level: level) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return AdminRuntime(settings: settings, logger: Logger(label: "portal-admin"))
    }

    /// Runs `body` with a pool on the admin login (`ADMIN_DATABASE_URL`, else `DATABASE_URL`).
    func withAdminDatabase<R: Sendable>(connections: Int = 4, _ body: (Database) async throws -> R) async throws -> R {
        let url = try operatorFacing { try settings.requireAdminDatabase() }
        let database = Database(url: url, maxConnections: connections, logger: logger)
        return try await operatorFacing {
            try await database.verifyReachable(logger: logger)
            return try await database.whileRunning { try await body(database) }
        }
    }

    /// Writes the invitations commands send. Their links need only `PUBLIC_BASE_URL`: a command
    /// signs no link, so `LINK_SECRET` is not required here.
    func invitationMail() throws -> InvitationMail {
        try operatorFacing { try InvitationMail(links: PortalLinks(baseURL: settings.publicBaseURL, secret: settings.linkSecret ?? "")) }
    }

    /// Creates and deletes tenants with this binary's migrations, granting roles to the service login.
    func provisioner(_ database: Database) throws -> TenantProvisioner {
        let login = try serviceLogin()
        let migrations = try operatorFacing { try MigrationSet.embedded() }
        return TenantProvisioner(database: database, migrations: migrations, serviceLogin: login.name)
    }

    /// The service login named by `DATABASE_URL`, which tenant roles are granted to.
    func serviceLogin() throws -> ServiceLogin {
        try operatorFacing { try ServiceLogin(url: settings.requireServiceDatabase()) }
    }
}

/// A failure told to the operator in one plain sentence, with a non-zero exit.
struct OperatorError: Error, CustomStringConvertible, LocalizedError {
    let description: String
    var errorDescription: String? { description }
}

/// Rewrites errors into sentences an operator can act on; PostgreSQL errors keep the server's words.
func operatorFacing<R>(_ body: () throws -> R) throws -> R {
    do { return try body() } catch { throw plain(error) }
}

func operatorFacing<R>(_ body: () async throws -> R) async throws -> R {
    do { return try await body() } catch { throw plain(error) }
}

private func plain(_ error: any Error) -> any Error {
    switch error {
    case is OperatorError, is ExitCode, is CleanExit: error
    default: OperatorError(description: error.operatorMessage)
    }
}
