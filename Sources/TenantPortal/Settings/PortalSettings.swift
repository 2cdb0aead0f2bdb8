import Configuration
import Logging
import Mail
import PGStore

/// Everything the service and `portal-admin` read from the environment, checked up front: a missing
/// or malformed value stops the program with a message that names the variable. Values are read
/// with swift-configuration but parsed here: its typed getters turn a malformed value silently
/// into "missing".
///
/// | variable | meaning |
/// |---|---|
/// | `DATABASE_URL` | the service's login (NOINHERIT, no privileges of its own) |
/// | `DATABASE_LISTEN_URL` | where the change listeners (LISTEN) connect: PostgreSQL itself when `DATABASE_URL` is a pooler; defaults to `DATABASE_URL` |
/// | `ADMIN_DATABASE_URL` | the owner login `portal-admin` uses for DDL; defaults to `DATABASE_URL` |
/// | `DATABASE_POOL_SIZE` | most connections the service opens (default 20) |
/// | `HTTP_HOST`, `HTTP_PORT` | where `serve` listens (default 127.0.0.1:8080; flags win) |
/// | `LOG_LEVEL` | trace, debug, info (default), notice, warning, error, critical |
/// | `ATTACHMENT_MAX_BYTES`, `ATTACHMENT_MAX_FILES` | per-file size (default 10 MiB) and per-ticket count (10) |
/// | `SMTP_HOST`, `SMTP_PORT` | the mail relay (port default 587); without a host, mail waits in the outbox |
/// | `SMTP_USERNAME`, `SMTP_PASSWORD` | AUTH login for the relay, if it wants one |
/// | `SMTP_STARTTLS` | true or false (default false): upgrade to TLS, never falling back to plaintext |
/// | `SMTP_CA_FILE` | PEM file of a private CA that signed the relay's certificate |
/// | `MAIL_FROM` | the sender address of notification mail (default portal@localhost) |
/// | `OUTBOX_RETENTION_DAYS` | days delivered mail stays in the outbox before the purge removes it (default 90) |
/// | `PASSWORD_HASH_COST` | bcrypt's cost for passwords, 4 to 31 (default 11) |
/// | `MAIL_WORKERS` | outbox delivery workers in this process (default 1, 0 for none) |
/// | `PUBLIC_BASE_URL` | where users reach the portal, for links in mail (default http://HTTP_HOST:HTTP_PORT) |
/// | `LINK_SECRET` | key that signs links in mail (rating links); at least 32 characters, required by `serve` |
/// | `TRUSTED_PROXIES` | comma-separated IP addresses of the reverse proxies in front; only from them is `X-Forwarded-For` believed |
public struct PortalSettings: Sendable {
    public var serviceDatabase: DatabaseURL?
    /// Where LISTEN connections go, when not `serviceDatabase` (a transaction pooler cannot carry them).
    public var listenDatabase: DatabaseURL?
    public var adminDatabase: DatabaseURL?
    public var databasePoolSize: Int
    public var httpHost: String
    public var httpPort: Int
    public var logLevel: Logger.Level
    public var attachmentLimits: AttachmentLimits
    /// The relay, when mail should be delivered at all.
    public var smtp: SMTPSettings?
    public var mailFrom: String
    public var mailWorkers: Int
    public var outboxRetentionDays: Int
    public var publicBaseURL: String
    public var linkSecret: String?
    /// The reverse proxies whose `X-Forwarded-For` names the client (none by default).
    public var trustedProxies: TrustedProxies

    /// Reads the process environment.
    public static func fromEnvironment() throws(SettingError) -> PortalSettings {
        try PortalSettings(reader: ConfigReader(provider: EnvironmentVariablesProvider()))
    }

    public init(reader: ConfigReader) throws(SettingError) {
        func text(_ key: ConfigKey, secret: Bool = false) -> String? {
            reader.string(forKey: key, isSecret: secret).flatMap { $0.isEmpty ? nil : $0 }
        }
        func flag(_ key: ConfigKey, setting: String, default fallback: Bool) throws(SettingError) -> Bool {
            guard let value = text(key) else { return fallback }
            switch value.lowercased() {
            case "true": return true
            case "false": return false
            default: throw SettingError(setting: setting, problem: "is '\(value)'; expected true or false")
            }
        }
        func number(_ key: ConfigKey, setting: String, default fallback: Int, range: ClosedRange<Int>) throws(SettingError) -> Int {
            guard let value = text(key) else { return fallback }
            guard let number = Int(value), range.contains(number) else {
                throw SettingError(
                    setting: setting,
                    problem: "is '\(value)'; expected a whole number from \(range.lowerBound) to \(range.upperBound)"
                )
            }
            return number
        }
        serviceDatabase = try text("database.url", secret: true).map { url throws(SettingError) in
            try DatabaseURL(url, setting: "DATABASE_URL")
        }
        listenDatabase = try text("database.listen.url", secret: true).map { url throws(SettingError) in
            try DatabaseURL(url, setting: "DATABASE_LISTEN_URL")
        }
        adminDatabase = try text("admin.database.url", secret: true).map { url throws(SettingError) in
            try DatabaseURL(url, setting: "ADMIN_DATABASE_URL")
        }
        databasePoolSize = try number("database.pool.size", setting: "DATABASE_POOL_SIZE", default: 20, range: 1...1000)
        httpHost = text("http.host") ?? "127.0.0.1"
        httpPort = try number("http.port", setting: "HTTP_PORT", default: 8080, range: 0...65535)
        attachmentLimits = AttachmentLimits(
            maxBytes: try number(
                "attachment.max.bytes",
                setting: "ATTACHMENT_MAX_BYTES",
                default: 10 * 1024 * 1024,
                range: 1024...(100 * 1024 * 1024)
            ),
            maxFiles: try number("attachment.max.files", setting: "ATTACHMENT_MAX_FILES", default: 10, range: 1...100)
        )
        smtp = try text("smtp.host").map { host throws(SettingError) in
            let username = text("smtp.username")
            return SMTPSettings(
                host: host,
                port: try number("smtp.port", setting: "SMTP_PORT", default: 587, range: 1...65535),
                startTLS: try flag("smtp.starttls", setting: "SMTP_STARTTLS", default: false),
                credentials: username.map { SMTPSettings.Credentials(username: $0, password: text("smtp.password", secret: true) ?? "") },
                caCertificateFile: text("smtp.ca.file")
            )
        }
        mailFrom = text("mail.from") ?? "portal@localhost"
        guard (try? MailAddress(mailFrom)) != nil else {
            throw SettingError(setting: "MAIL_FROM", problem: "is '\(mailFrom)'; expected one address such as portal@company.vn")
        }
        mailWorkers = try number("mail.workers", setting: "MAIL_WORKERS", default: 1, range: 0...16)
        outboxRetentionDays = try number("outbox.retention.days", setting: "OUTBOX_RETENTION_DAYS", default: 90, range: 1...3650)
        // Read by `Secrets` when it first hashes; checked here so a bad value stops start-up.
        _ = try number("password.hash.cost", setting: "PASSWORD_HASH_COST", default: 11, range: 4...31)
        publicBaseURL = text("public.base.url") ?? "http://\(httpHost):\(httpPort)"
        guard publicBaseURL.hasPrefix("http://") || publicBaseURL.hasPrefix("https://") else {
            throw SettingError(setting: "PUBLIC_BASE_URL", problem: "is '\(publicBaseURL)'; expected an http:// or https:// address")
        }
        linkSecret = text("link.secret", secret: true)
        if let linkSecret, linkSecret.count < 32 {
            throw SettingError(setting: "LINK_SECRET", problem: "has \(linkSecret.count) characters; use at least 32 random ones")
        }
        trustedProxies = try TrustedProxies(text("trusted.proxies") ?? "")
        let level = text("log.level") ?? "info"
        guard let logLevel = Logger.Level(rawValue: level.lowercased()) else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw SettingError(setting: "LOG_LEVEL", problem: "is '\(level)'; use one of \(levels)")
        }
        self.logLevel = logLevel
    }

    /// The service login's address; the service cannot run without it.
    public func requireServiceDatabase() throws(SettingError) -> DatabaseURL {
        guard let serviceDatabase else {
            throw SettingError(
                setting: "DATABASE_URL",
                problem: "is not set; it names the service's login, e.g. postgres://portal@localhost:5432/portal"
            )
        }
        return serviceDatabase
    }

    /// The key for signed links; the service does not start without one (there is no default to
    /// forget to change).
    public func requireLinkSecret() throws(SettingError) -> String {
        guard let linkSecret else {
            throw SettingError(
                setting: "LINK_SECRET",
                problem: "is not set; it signs the links in mail. Use at least 32 random characters, e.g. from: openssl rand -base64 48"
            )
        }
        return linkSecret
    }

    /// The owner login for DDL: `ADMIN_DATABASE_URL`, else `DATABASE_URL`.
    public func requireAdminDatabase() throws(SettingError) -> DatabaseURL {
        if let adminDatabase { return adminDatabase }
        guard let serviceDatabase else {
            throw SettingError(setting: "ADMIN_DATABASE_URL", problem: "and DATABASE_URL are both unset; portal-admin needs the database owner's URL")
        }
        return serviceDatabase
    }
}
