extension StringProtocol {
    /// The text without white space (spaces, tabs, line breaks and Unicode's other blanks) at either
    /// end. Foundation's `trimmingCharacters(in:)` goes through NSString on Linux: trimming a filed
    /// request's fields and multipart headers that way took 7% of the server's time per filing.
    var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
