/// Settings `SMTPClient` refuses to use; raised when the client is created, before any connection.
public enum SMTPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Credentials without STARTTLS to a host that is not loopback would cross the network in clear text.
    case credentialsWithoutTLS(host: String)
    /// The HELO name is empty or has characters that would break the command line.
    case invalidHeloName(String)
    /// The TLS configuration could not be built, typically an unreadable CA certificate file.
    case tls(String)

    public var description: String {
        switch self {
        case .credentialsWithoutTLS(let host):
            "refusing to send SMTP credentials to \(host) without STARTTLS (only loopback hosts may use plaintext AUTH)"
        case .invalidHeloName(let name):
            "invalid SMTP HELO name \(String(reflecting: name))"
        case .tls(let reason):
            "SMTP TLS setup failed: \(reason)"
        }
    }
}
