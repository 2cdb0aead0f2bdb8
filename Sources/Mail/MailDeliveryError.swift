/// Why one message of a batch was not delivered, split by what the outbox should do about it.
public enum MailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Worth retrying later: a 4xx reply, a refused, reset or timed-out connection, a TLS or login
    /// problem. Every failure of the connection itself (before or between messages) is transient,
    /// even a 5xx greeting or a rejected password: those are fixed by the operator or the server,
    /// not by dropping the mail.
    case transient(Detail)
    /// Not worth retrying: the server refused this message with a 5xx reply (unknown recipient,
    /// sender refused, content rejected). Sending it again would get the same answer.
    case permanent(Detail)

    public struct Detail: Sendable, Equatable {
        /// What the client was doing, e.g. `connect to mail.example.vn:587`, `RCPT TO:<a@b.vn>`,
        /// `end of DATA`. Never contains credentials.
        public let step: String
        /// The server's reply code when the failure is the server's answer, nil otherwise.
        public let code: Int?
        /// The server's reply text, or the underlying reason such as "connection refused".
        public let reason: String

        public init(step: String, code: Int? = nil, reason: String) {
            self.step = step
            self.code = code
            self.reason = reason
        }
    }

    public var detail: Detail {
        switch self {
        case .transient(let detail), .permanent(let detail): detail
        }
    }

    public var isTransient: Bool {
        if case .transient = self { true } else { false }
    }

    public var description: String {
        let kind = isTransient ? "temporary failure, will be retried" : "permanent failure"
        let answer = detail.code.map { "server answered \($0) \(detail.reason)" } ?? detail.reason
        return "mail not delivered (\(kind)) at \(detail.step): \(answer)"
    }
}
