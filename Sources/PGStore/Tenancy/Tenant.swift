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
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw .invalidDisplayName }
        self.displayName = name
        self.modules = try PortalModule.list(modules)
        guard let locale = PortalLocale(rawValue: locale) else { throw .invalidLocale(locale) }
        self.locale = locale
        guard TimeZone(identifier: timeZone) != nil, timeZone.contains("/") || timeZone == "UTC" else {
            throw .invalidTimeZone(timeZone)
        }
        self.timeZone = timeZone
    }
}
