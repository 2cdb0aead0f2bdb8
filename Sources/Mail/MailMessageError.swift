/// Why a `MailMessage` or `MailAddress` could not be built.
///
/// These are caller bugs or hostile input (a subject copied from a ticket form, say), so they are
/// thrown when the value is created: a message that exists can always be rendered and sent safely.
public enum MailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The address is not `local@domain` in printable ASCII without spaces, angle brackets, commas
    /// or quotes.
    case invalidAddress(String)
    /// A header value contains CR or LF, which would let it start a header of its own (header injection).
    case lineBreakInHeader(field: String)
    /// A header name is empty or contains characters outside printable ASCII or a colon.
    case invalidHeaderName(String)
    /// The header is written by `MailMessage` itself and cannot be given again as an extra header.
    case reservedHeader(String)
    /// A message needs at least one recipient.
    case noRecipients

    public var description: String {
        switch self {
        case .invalidAddress(let address):
            "invalid mail address \(String(reflecting: address))"
        case .lineBreakInHeader(let field):
            "line break in the \(field) header value (refused: it could inject headers)"
        case .invalidHeaderName(let name):
            "invalid header name \(String(reflecting: name))"
        case .reservedHeader(let name):
            "header \(name) is set by the message itself and cannot be given as an extra header"
        case .noRecipients:
            "a mail message needs at least one recipient"
        }
    }

    /// Throws `lineBreakInHeader` when `value` could end the header line it is put on.
    static func checkNoLineBreak(_ value: String, field: String) throws(MailMessageError) {
        if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw .lineBreakInHeader(field: field)
        }
    }
}
