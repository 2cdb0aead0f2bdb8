/// A schema or role name that has been checked against `^[a-z][a-z0-9_]*$` (at most 63 bytes,
/// PostgreSQL's limit) and is only ever written into SQL double-quoted.
///
/// DDL cannot take bind parameters for names, so this type is the one door through which a name
/// reaches SQL text; user text never does.
public struct SQLIdentifier: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    public init?(_ name: String) {
        guard (1...63).contains(name.utf8.count),
            let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
            name.utf8.allSatisfy({ Self.allowed.contains($0) })
        else { return nil }
        self.name = name
    }

    /// The name as a quoted SQL identifier: `"t_acme"`.
    public var quoted: String { "\"\(name)\"" }

    public var description: String { name }

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_".utf8)
}
