/// Where and how to reach the SMTP server (one tenant's relay, or the portal's own).
public struct SMTPSettings: Sendable {
    /// A login for AUTH PLAIN / LOGIN. Its description hides the password so settings can be logged.
    public struct Credentials: Sendable, CustomStringConvertible {
        public var username: String
        public var password: String

        public init(username: String, password: String) {
            self.username = username
            self.password = password
        }

        public var description: String { "\(username) (password hidden)" }
    }

    public var host: String
    public var port: Int
    /// Upgrade with STARTTLS after the first EHLO. When true, a server that does not offer it is
    /// an error: the client never falls back to plaintext silently.
    public var startTLS: Bool
    /// When set, AUTH is required; only allowed without `startTLS` for loopback hosts (a local relay).
    public var credentials: Credentials?
    /// The name announced in EHLO/HELO; some relays want the sending host's public name.
    public var heloName: String
    /// Limit for establishing the TCP connection.
    public var connectTimeout: Duration
    /// Limit for each command: sending it and receiving the whole reply (also the greeting, the TLS
    /// handshake and the message data).
    public var commandTimeout: Duration
    /// PEM file of the CA that signed the server's certificate, for relays with private
    /// certificates; it replaces the system trust store. Verification and hostname checks are
    /// always on.
    public var caCertificateFile: String?

    public init(
        host: String,
        port: Int = 587,
        startTLS: Bool = true,
        credentials: Credentials? = nil,
        heloName: String = "localhost",
        connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(60),
        caCertificateFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.startTLS = startTLS
        self.credentials = credentials
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.caCertificateFile = caCertificateFile
    }

    /// Whether `host` names this machine, judged from the text alone (no DNS lookup an attacker
    /// could influence): `localhost`, `127.0.0.0/8` or `::1`.
    var hostIsLoopback: Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
