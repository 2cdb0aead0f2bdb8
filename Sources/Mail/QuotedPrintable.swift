import Foundation

/// Quoted-printable body encoding (RFC 2045 §6.7).
///
/// Chosen over base64 for bodies because the mail stays readable in logs and raw views and ASCII
/// text costs nothing extra, while any UTF-8 text still travels in 7-bit lines of at most 76
/// characters, whatever line lengths the caller's text has.
enum QuotedPrintable {
    /// Longest encoded line, soft-break `=` included.
    static let maximumLineLength = 76

    /// Encodes `text` with CRLF hard line breaks (whatever breaks it had) and a final CRLF.
    static func encode(_ text: String) -> String {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { encodeLine(Array($0.utf8)) }.joined()
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var result = ""
        var line = ""
        for (index, byte) in bytes.enumerated() {
            let token = encode(byte, atEndOfLine: index == bytes.count - 1)
            if line.utf8.count + token.utf8.count > maximumLineLength - 1 {
                result += line + "=\r\n"
                line = ""
            }
            line += token
        }
        return result + line + "\r\n"
    }

    private static func encode(_ byte: UInt8, atEndOfLine: Bool) -> String {
        let isLiteral = (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")
        // Spaces and tabs are literal except before a line break, where transports may strip them.
        let isWhitespace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        if isLiteral || (isWhitespace && !atEndOfLine) {
            return String(UnicodeScalar(byte))
        }
        let hex = Array("0123456789ABCDEF".utf8)
        return String(decoding: [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
