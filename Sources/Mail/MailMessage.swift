import Foundation

/// One notification mail, validated when it is built so that rendering it can never fail.
///
/// Every header value is checked for CR/LF at construction (a subject copied from a ticket must
/// not be able to add a `Bcc:`), and all text goes through RFC 2047 / quoted-printable encoding,
/// so Vietnamese text arrives intact over any 7-bit relay.
public struct MailMessage: Sendable {
    public let from: MailAddress
    public let to: [MailAddress]
    public let subject: String
    /// The plain-text body; always sent, as the only part or as the fallback next to `html`.
    public let text: String
    /// An optional HTML alternative of `text`.
    public let html: String?
    /// Extra header fields in the given order, e.g. `Auto-Submitted: auto-generated`.
    public let extraHeaders: [(name: String, value: String)]
    /// The `Message-ID`, angle brackets included. Taken from a `Message-ID` extra header when the
    /// caller gives one (so a retried outbox entry keeps its id and receivers can de-duplicate),
    /// generated once per message value otherwise.
    public let messageID: String

    /// Headers `rendered(date:)` writes itself; giving them again would produce duplicates.
    private static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "mime-version", "content-type", "content-transfer-encoding",
    ]

    public init(
        from: MailAddress,
        to: [MailAddress],
        subject: String,
        text: String,
        html: String? = nil,
        headers: KeyValuePairs<String, String> = [:]
    ) throws(MailMessageError) {
        guard !to.isEmpty else { throw .noRecipients }
        try MailMessageError.checkNoLineBreak(subject, field: "Subject")
        var messageID: String?
        var extraHeaders: [(name: String, value: String)] = []
        for (name, value) in headers {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != ":" }) else {
                throw .invalidHeaderName(name)
            }
            guard !Self.reservedHeaders.contains(name.lowercased()) else { throw .reservedHeader(name) }
            try MailMessageError.checkNoLineBreak(value, field: name)
            if name.lowercased() == "message-id" {
                messageID = value
            } else {
                extraHeaders.append((name, value))
            }
        }
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.extraHeaders = extraHeaders
        self.messageID = messageID ?? "<\(UUID().uuidString.lowercased())@\(from.domain)>"
    }

    /// The complete RFC 5322 message: CRLF line endings, no line over 78 characters except an
    /// unbreakable token in a caller's extra header, ending with CRLF.
    public func rendered(date: Date) -> String {
        var message =
            MailHeaderEncoder.addressList("From", [from])
            + MailHeaderEncoder.addressList("To", to)
            + MailHeaderEncoder.unstructured("Subject", subject)
            + "Date: \(Self.rfc5322Date(date))\r\n"
            + MailHeaderEncoder.unstructured("Message-ID", messageID)
            + "MIME-Version: 1.0\r\n"
        for header in extraHeaders {
            message += MailHeaderEncoder.unstructured(header.name, header.value)
        }
        guard let html else {
            return message + Self.textPart(subtype: "plain", text)
        }
        // Quoted-printable output always writes "=" as "=3D", so a boundary starting with "=_"
        // can never occur inside an encoded part; the random rest keeps nested forwards apart.
        let boundary = "=_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return message
            + "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n"
            + "\r\n"
            + "--\(boundary)\r\n" + Self.textPart(subtype: "plain", text)
            + "\r\n--\(boundary)\r\n" + Self.textPart(subtype: "html", html)
            + "\r\n--\(boundary)--\r\n"
    }

    /// A part's own headers, blank line and body. The body ends with CRLF; inside a multipart the
    /// extra CRLF before the next boundary belongs to the boundary, so the text keeps its last break.
    private static func textPart(subtype: String, _ body: String) -> String {
        "Content-Type: text/\(subtype); charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "\r\n"
            + QuotedPrintable.encode(body)
    }

    /// `Tue, 01 Jul 2025 08:30:00 +0000`: English names and UTC, independent of the server's locale.
    private static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
