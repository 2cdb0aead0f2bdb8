import Foundation

/// Writes header fields so that any Unicode text survives 7-bit transport and every line stays
/// within RFC 5322's recommended 78 characters.
///
/// Plain ASCII is folded at spaces. Anything else (Vietnamese subjects, display names) becomes
/// RFC 2047 UTF-8 base64 encoded-words, each sized to fit on the header's first line and always
/// split between Unicode scalars, never inside one, so every word decodes on its own.
enum MailHeaderEncoder {
    static let maximumLineLength = 78

    /// A field with free text, such as `Subject`, ended by CRLF.
    static func unstructured(_ name: String, _ value: String) -> String {
        let atoms =
            isPlainASCII(value)
            ? value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            : encodedWords(value, fieldName: name)
        return fold(name, atoms)
    }

    /// A field listing mailboxes, such as `From` or `To`, ended by CRLF.
    static func addressList(_ name: String, _ mailboxes: [MailAddress]) -> String {
        var atoms: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxAtoms = phrase(mailbox.displayName, fieldName: name)
            mailboxAtoms.append(mailbox.displayName == nil ? mailbox.address : "<\(mailbox.address)>")
            if index < mailboxes.count - 1 { mailboxAtoms[mailboxAtoms.count - 1] += "," }
            atoms += mailboxAtoms
        }
        return fold(name, atoms)
    }

    /// Characters allowed in an unquoted display-name word (RFC 5322 `atext`).
    private static let atext = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    private static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) || $0 == "\t" }
    }

    /// A display name as foldable words: bare when it is plain words, one quoted string when it has
    /// specials such as `.` or `@`, encoded-words when it is not ASCII.
    private static func phrase(_ name: String?, fieldName: String) -> [String] {
        guard let name else { return [] }
        guard isPlainASCII(name) else { return encodedWords(name, fieldName: fieldName) }
        if name.unicodeScalars.allSatisfy({ atext.contains($0) || $0 == " " }) {
            return name.split(separator: " ").map(String.init)
        }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return ["\"\(escaped)\""]
    }

    private static func encodedWords(_ text: String, fieldName: String) -> [String] {
        // "=?UTF-8?B?" + "?=" cost 12 characters; RFC 2047 caps a whole word at 75.
        let room = min(75, maximumLineLength - fieldName.utf8.count - 2) - 12
        let payloadLimit = max(room / 4 * 3, 12)
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > payloadLimit {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// Joins atoms with spaces, starting a continuation line (CRLF + space) whenever the next atom
    /// would push the line past the limit. An atom longer than a line is kept whole: RFC 5322 only
    /// requires lines under 998 characters, and breaking inside it would change its meaning.
    private static func fold(_ name: String, _ atoms: [String]) -> String {
        var result = ""
        var line = name + ":"
        var lineHasAtom = false
        for atom in atoms {
            if lineHasAtom, !atom.isEmpty, line.utf8.count + 1 + atom.utf8.count > maximumLineLength {
                result += line + "\r\n"
                line = " " + atom
            } else {
                line += " " + atom
            }
            lineHasAtom = true
        }
        return result + line + "\r\n"
    }
}
