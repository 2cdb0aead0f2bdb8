import Foundation

/// A real SMTP server (Python's aiosmtpd) on 127.0.0.1 and a free port, for one test.
///
/// A real server catches what a fake one would not: aiosmtpd parses multi-line replies, dot
/// stuffing, STARTTLS and AUTH as deployed servers do, and Python's `email` package decodes what
/// arrived independently of the encoder under test. The interpreter is `PORTAL_TEST_PYTHON`
/// (default `python3`) and must have `aiosmtpd` installed.
public struct MailSink: Sendable {
    public struct Options: Sendable {
        /// Offer and require STARTTLS, with a throwaway CA and a certificate for 127.0.0.1/localhost.
        public var startTLS: Bool
        /// Require AUTH with this login before MAIL FROM.
        public var credentials: (username: String, password: String)?
        /// Offer AUTH before STARTTLS too (aiosmtpd only offers it over TLS by default).
        public var authOverPlaintext: Bool
        /// AUTH mechanisms not to offer, e.g. `["PLAIN"]` to leave only LOGIN.
        public var excludedAuthMechanisms: [String]
        /// Answer EHLO with 502, like servers that only speak HELO.
        public var refuseEHLO: Bool

        public init(
            startTLS: Bool = false,
            credentials: (username: String, password: String)? = nil,
            authOverPlaintext: Bool = false,
            excludedAuthMechanisms: [String] = [],
            refuseEHLO: Bool = false
        ) {
            self.startTLS = startTLS
            self.credentials = credentials
            self.authOverPlaintext = authOverPlaintext
            self.excludedAuthMechanisms = excludedAuthMechanisms
            self.refuseEHLO = refuseEHLO
        }
    }

    public let host = "127.0.0.1"
    public let port: Int
    /// The CA that signed the server's certificate, when `startTLS` is on.
    public let caCertificateFile: String?
    private let mailDirectory: URL

    /// Starts a sink, runs `body` with it, and stops the server and deletes its files afterwards,
    /// whether `body` returns or throws.
    public static func run<T>(
        _ options: Options = Options(),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (MailSink) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appending(path: "mail-sink-\(UUID().uuidString)")
        let mailDirectory = directory.appending(path: "mail")
        try FileManager.default.createDirectory(at: mailDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let certificates = options.startTLS ? try await TestCertificates.generate(in: directory) : nil
        var arguments = ["--directory", mailDirectory.path]
        if let certificates {
            arguments += ["--cert", certificates.serverCertificateFile, "--key", certificates.serverKeyFile]
        }
        if let credentials = options.credentials {
            arguments += ["--username", credentials.username, "--password", credentials.password]
        }
        if options.authOverPlaintext { arguments.append("--auth-over-plaintext") }
        arguments += options.excludedAuthMechanisms.flatMap { ["--exclude-auth", $0] }
        if options.refuseEHLO { arguments.append("--refuse-ehlo") }

        let server = try await MailSinkProcess.start(arguments: arguments, in: directory)
        let sink = MailSink(port: server.port, caCertificateFile: certificates?.caCertificateFile, mailDirectory: mailDirectory)
        do {
            let result = try await body(sink)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Every message accepted so far, in arrival order.
    public func messages() throws -> [ReceivedMail] {
        try FileManager.default.contentsOfDirectory(at: mailDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { try JSONDecoder().decode(ReceivedMail.self, from: Data(contentsOf: $0)) }
    }

    /// Polls until at least `count` messages arrived, failing after `timeout`.
    public func waitForMessages(count: Int, timeout: Duration = .seconds(10)) async throws -> [ReceivedMail] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let received = try messages()
            if received.count >= count { return received }
            guard ContinuousClock.now < deadline else {
                throw MailSinkError.timedOut(expected: count, received: received.count)
            }
            try await Task.sleep(for: .milliseconds(25))
        }
    }
}
