/// Why a tenant operation was refused, in words an operator can act on.
public enum TenantError: Error, Equatable, CustomStringConvertible {
    case invalidSlug(String, reason: String)
    case reservedSlug(String)
    case invalidDisplayName
    case unknownModule(String)
    case invalidLocale(String)
    case invalidTimeZone(String)
    case alreadyExists(TenantSlug)
    case roleTaken(String)
    case notFound(String)
    case stillActive(TenantSlug)
    case confirmationMismatch(TenantSlug)
    case platformNotMigrated(missing: [Int])

    public var description: String {
        switch self {
        case .invalidSlug(let slug, let reason):
            "'\(slug)' is not a valid tenant slug: \(reason) (pattern ^[a-z][a-z0-9-]{1,39}$)"
        case .reservedSlug(let slug):
            "'\(slug)' is reserved by the platform; choose another slug"
        case .invalidDisplayName:
            "the display name must not be empty and at most 200 characters"
        case .unknownModule(let name):
            "unknown module '\(name)'; modules are \(PortalModule.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidLocale(let locale):
            "unknown locale '\(locale)'; use vi or en"
        case .invalidTimeZone(let zone):
            "unknown time zone '\(zone)'; use an IANA name such as Asia/Ho_Chi_Minh"
        case .alreadyExists(let slug):
            "a tenant with slug '\(slug)' already exists"
        case .roleTaken(let role):
            "database role '\(role)' already exists in this PostgreSQL cluster (left by another database?); drop it or choose another slug"
        case .notFound(let slug):
            "no tenant with slug '\(slug)'"
        case .stillActive(let slug):
            "tenant '\(slug)' is active; suspend it first (portal-admin tenant suspend \(slug))"
        case .confirmationMismatch(let slug):
            "deleting needs --confirm \(slug): the slug typed again"
        case .platformNotMigrated(let missing):
            "the platform schema lacks migrations \(missing.map(String.init).joined(separator: ", ")); run portal-admin migrate first"
        }
    }
}
