import Foundation

/// The short name a tenant is known by in URLs (`/t/{slug}/`) and commands: `^[a-z][a-z0-9-]{1,39}$`,
/// not ending in a hyphen, and not one of the words the platform keeps for itself.
public struct TenantSlug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String
    /// Schema and role name: `t_` plus the slug with hyphens turned into underscores. Worked out
    /// once here: every request of the tenant's asks for its scope, and building it each time
    /// (Foundation's string replacement, twice) cost 5% of a ticket lookup's server time.
    public let schemaName: SQLIdentifier

    public init(_ text: String) throws(TenantError) {
        let bytes = Array(text.utf8)
        guard (2...40).contains(bytes.count) else {
            throw .invalidSlug(text, reason: "it must be 2 to 40 characters long")
        }
        guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0]) else {
            throw .invalidSlug(text, reason: "it must start with a lower-case letter a-z")
        }
        guard bytes.allSatisfy({ Self.allowed.contains($0) }) else {
            throw .invalidSlug(text, reason: "only lower-case letters a-z, digits and hyphens are allowed")
        }
        guard bytes.last != UInt8(ascii: "-") else {
            throw .invalidSlug(text, reason: "it must not end with a hyphen")
        }
        guard !Self.reserved.contains(text) else {
            throw .reservedSlug(text)
        }
        value = text
        // Always valid: the slug alphabet maps into the identifier alphabet and 2 + 40 < 63.
        schemaName = SQLIdentifier("t_" + String(decoding: bytes.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self))!
    }

    /// The slug whose schema and role are `name` (`t_an_phat` -> `an-phat`): slugs have no
    /// underscores, so the mapping back is unique.
    public init(schemaName name: String) throws(TenantError) {
        guard name.hasPrefix("t_") else { throw .invalidSlug(name, reason: "tenant schemas start with t_") }
        try self.init(String(name.dropFirst(2)).replacingOccurrences(of: "_", with: "-"))
    }

    /// The role and schema this tenant's units of work run as.
    public var scope: TenantScope {
        TenantScope(role: schemaName, schema: schemaName)
    }

    public var description: String { value }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-".utf8)

    /// Words that name platform routes, roles or services, or would mislead a customer reading the URL.
    static let reserved: Set<String> = [
        "admin", "administrator", "api", "app", "assets", "auth", "billing", "default", "demo-admin",
        "docs", "healthz", "help", "internal", "login", "logout", "metrics", "new", "openapi", "platform",
        "portal", "postgres", "public", "readyz", "root", "security", "service", "staff", "static",
        "status", "support", "system", "template", "test", "track", "www",
    ]
}
