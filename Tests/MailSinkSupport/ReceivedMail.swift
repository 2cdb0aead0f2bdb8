/// One message as the sink received it, decoded by Python's `email` package (independently of the
/// encoder under test). Body line breaks are given as `\n`.
public struct ReceivedMail: Sendable, Decodable {
    /// The SMTP envelope: `MAIL FROM` and the accepted `RCPT TO` addresses.
    public let envelopeFrom: String
    public let envelopeRecipients: [String]
    /// Header fields in order, values decoded (encoded-words resolved, folding removed).
    public let headers: [[String]]
    public let subject: String
    /// The `From` and `To` headers decoded, e.g. `Công ty ABC <noreply@abc.vn>`.
    public let from: String
    public let to: String
    /// The text/plain and text/html bodies, transfer encoding and charset decoded.
    public let text: String?
    public let html: String?
    /// The message exactly as received after dot-unstuffing, CRLF line endings.
    public let raw: String
    public let overTLS: Bool
    /// The login the client authenticated with, nil without AUTH.
    public let authenticatedAs: String?
    /// The client's address and port: equal for messages that came over the same connection.
    public let peer: String

    /// The first header field with this name (case-insensitive), decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.first?.lowercased() == name.lowercased() }?.last
    }
}
