import Foundation

/// Text typed by a person, trimmed and checked before it goes anywhere: within a length, and free
/// of NUL characters, which PostgreSQL text cannot hold.
enum TextInput {
    static func required(_ value: String?, field: String, limit: Int) throws(PortalError) -> String {
        guard let text = try optional(value, field: field, limit: limit) else { throw .invalid(field: field, .required) }
        return text
    }

    /// nil when absent or blank.
    static func optional(_ value: String?, field: String, limit: Int) throws(PortalError) -> String? {
        guard let text = value?.trimmed, !text.isEmpty else { return nil }
        try checkCharacters(text, field: field)
        guard text.count <= limit else { throw .invalid(field: field, .tooLong(limit)) }
        return text
    }

    static func checkCharacters(_ text: String, field: String) throws(PortalError) {
        guard !text.unicodeScalars.contains("\u{0}") else { throw .invalid(field: field, .invalidCharacters) }
    }
}
