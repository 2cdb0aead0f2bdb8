/// One complete server reply: its three-digit code and the text of each line (RFC 5321 §4.2).
struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    let code: Int
    /// Text after `NNN-` / `NNN ` of every line, continuation lines included.
    let lines: [String]

    /// All lines on one line, for error messages.
    var text: String { lines.joined(separator: " / ") }

    var description: String { "\(code) \(text)" }

    /// The EHLO extensions by upper-cased keyword with their parameters, e.g. `AUTH: [PLAIN, LOGIN]`.
    /// The first line is the server's greeting, not an extension. The obsolete `AUTH=PLAIN LOGIN`
    /// spelling of old Exchange servers is read as `AUTH` too.
    var extensions: [String: [String]] {
        var extensions: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let words = line.split(separator: " ").map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            let parts = keyword.split(separator: "=", maxSplits: 1).map(String.init)
            extensions[parts[0], default: []] += parts.dropFirst() + words.dropFirst()
        }
        return extensions
    }
}
