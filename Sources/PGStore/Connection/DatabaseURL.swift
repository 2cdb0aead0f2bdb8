import Foundation
import NIOSSL
import PostgresNIO

/// A PostgreSQL address given as `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=...]`.
///
/// `sslmode` follows libpq's meaning: `disable`, `prefer` (the default), `require` (encrypt, do not
/// verify the certificate) and `verify-full` (encrypt and verify).
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tlsMode: TLSMode

    /// Parses `text`; `setting` names where it came from (e.g. `DATABASE_URL`) so errors say which one is wrong.
    public init(_ text: String, setting: String) throws(SettingError) {
        let expected = "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
        guard let parts = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = parts.scheme, ["postgres", "postgresql"].contains(scheme)
        else {
            throw SettingError(setting: setting, problem: "is not a PostgreSQL URL (\(expected))")
        }
        guard let host = parts.host, !host.isEmpty else {
            throw SettingError(setting: setting, problem: "has no host (\(expected))")
        }
        guard let user = parts.user, !user.isEmpty else {
            throw SettingError(setting: setting, problem: "has no user name (\(expected))")
        }
        let database = String(parts.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw SettingError(setting: setting, problem: "has no database name (\(expected))")
        }
        if let port = parts.port, !(1...65535).contains(port) {
            throw SettingError(setting: setting, problem: "has port \(port), outside 1-65535")
        }
        var tlsMode = TLSMode.prefer
        for item in parts.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw SettingError(setting: setting, problem: "has an unknown option '\(item.name)' (only sslmode is understood)")
            }
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw SettingError(setting: setting, problem: "has sslmode '\(item.value ?? "")'; use one of \(modes)")
            }
            tlsMode = mode
        }
        self.host = host
        self.port = parts.port ?? 5432
        self.username = user.removingPercentEncoding ?? user
        self.password = parts.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.tlsMode = tlsMode
    }

    /// The address without its password, safe to print.
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)?sslmode=\(tlsMode.rawValue)"
    }

    /// TLS settings for `tlsMode`; nil when TLS is off.
    private var tlsConfiguration: TLSConfiguration? {
        switch tlsMode {
        case .disable:
            return nil
        case .prefer, .require:
            var unverified = TLSConfiguration.makeClientConfiguration()
            unverified.certificateVerification = .none
            return unverified
        case .verifyFull:
            return .makeClientConfiguration()
        }
    }

    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch (tlsMode, tlsConfiguration) {
            case (.prefer, let settings?): .prefer(settings)
            case (_, let settings?): .require(settings)
            case (_, nil): .disable
            }
        return .init(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// For a single connection outside the pool, failing within five seconds.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var tls = PostgresConnection.Configuration.TLS.disable
        if let settings = tlsConfiguration {
            let context = try NIOSSLContext(configuration: settings)
            tls = tlsMode == .prefer ? .prefer(context) : .require(context)
        }
        var configuration = PostgresConnection.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tls
        )
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }
}

/// A configuration value that is missing or malformed, named so the operator knows what to fix.
public struct SettingError: Error, Equatable, CustomStringConvertible {
    public var setting: String
    public var problem: String

    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "\(setting) \(problem)" }
}
