import Foundation

/// A business served by the platform, as recorded in the tenant catalog (`platform.tenants`).
public struct Tenant: Sendable, Equatable {
    public var slug: TenantSlug
    public var displayName: String
    public var modules: [PortalModule]
    public var locale: PortalLocale
    public var timeZone: String
    public var status: TenantStatus
    public var schemaVersion: Int
    public var createdAt: Date

    public var scope: TenantScope { slug.scope }
}

/// Whether a tenant's portal is open. A suspended tenant keeps its data; its portal says it is suspended.
public enum TenantStatus: String, Sendable, CaseIterable {
    case active, suspended
}

/// A vertical or shared feature a tenant can switch on. Every tenant schema has every module's
/// tables; a module is a switch, not a schema variant.
public enum PortalModule: String, Sendable, CaseIterable, Comparable {
    case it, repair, lottery, hr, care, survey

    /// Parses a comma-separated list such as `it,care`; blanks are ignored and duplicates folded.
    public static func list(_ text: String) throws(TenantError) -> [PortalModule] {
        var modules: Set<PortalModule> = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !name.isEmpty {
            guard let module = PortalModule(rawValue: name) else { throw .unknownModule(name) }
            modules.insert(module)
        }
        return modules.sorted()
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The language a tenant's pages speak by default.
public enum PortalLocale: String, Sendable, CaseIterable {
    case vi, en
}

/// What `tenant create` asks for, checked before anything touches the database.
public struct NewTenant: Sendable {
    public var slug: TenantSlug
    public var displayName: String
    public var modules: [PortalModule]
    public var locale: PortalLocale
    public var timeZone: String

    public init(
        slug: String,
        displayName: String,
        modules: String = "",
        locale: String = PortalLocale.vi.rawValue,
        timeZone: String = "Asia/Ho_Chi_Minh"
    ) throws(TenantError) {
        self.slug = try TenantSlug(slug)
        self.displayName = try Self.checkedName(displayName)
        self.modules = try PortalModule.list(modules)
        self.locale = try Self.checkedLocale(locale)
        self.timeZone = try Self.checkedTimeZone(timeZone)
    }

    /// Trimmed, 1 to 200 characters.
    static func checkedName(_ text: String) throws(TenantError) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw .invalidDisplayName }
        return name
    }

    static func checkedLocale(_ text: String) throws(TenantError) -> PortalLocale {
        guard let locale = PortalLocale(rawValue: text) else { throw .invalidLocale(text) }
        return locale
    }

    /// An IANA zone name (`Asia/Ho_Chi_Minh`, `UTC`), not an abbreviation Foundation also accepts.
    static func checkedTimeZone(_ text: String) throws(TenantError) -> String {
        guard TimeZone(identifier: text) != nil, text.contains("/") || text == "UTC" else { throw .invalidTimeZone(text) }
        return text
    }
}

/// What `tenant update` changes, checked as `NewTenant` checks it; a nil field stays as it is.
public struct TenantEdit: Sendable {
    public var displayName: String?
    public var modules: [PortalModule]?
    public var locale: PortalLocale?
    public var timeZone: String?

    public init(displayName: String? = nil, modules: String? = nil, locale: String? = nil, timeZone: String? = nil) throws(TenantError) {
        self.displayName = try displayName.map { text throws(TenantError) in try NewTenant.checkedName(text) }
        self.modules = try modules.map { text throws(TenantError) in try PortalModule.list(text) }
        self.locale = try locale.map { text throws(TenantError) in try NewTenant.checkedLocale(text) }
        self.timeZone = try timeZone.map { text throws(TenantError) in try NewTenant.checkedTimeZone(text) }
    }
}
