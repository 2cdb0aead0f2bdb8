/// A mailbox: the address used in the SMTP envelope and headers, plus the name a mail client shows.
///
/// Validation is deliberately minimal: exactly one `@` with text on both sides, printable ASCII
/// only, and none of whitespace, `<`, `>`, `,`, `;`, `"`, `(`, `)` or `\`. That is enough to make
/// sure an address can never break out of `RCPT TO:<…>` or a `To:` header (no extra recipients, no
/// extra commands) without pretending to implement RFC 5321's full grammar. Non-ASCII addresses
/// would need SMTPUTF8, which this client does not negotiate, so they are refused up front.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`, exactly as given.
    public let address: String
    /// Shown by mail clients instead of the address, e.g. "Công ty ABC – Hỗ trợ". Any Unicode.
    public let displayName: String?

    public init(_ address: String, displayName: String? = nil) throws(MailMessageError) {
        guard Self.isAcceptable(address) else { throw .invalidAddress(address) }
        if let displayName { try MailMessageError.checkNoLineBreak(displayName, field: "display name") }
        self.address = address
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The part after `@`, used to build a `Message-ID` in the sender's domain.
    var domain: Substring {
        address[address.index(after: address.lastIndex(of: "@")!)...]
    }

    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    private static let forbidden: Set<Unicode.Scalar> = ["<", ">", ",", ";", "\"", "(", ")", "\\"]

    private static func isAcceptable(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return address.unicodeScalars.allSatisfy { scalar in
            (0x21...0x7E).contains(scalar.value) && !forbidden.contains(scalar)
        }
    }
}
