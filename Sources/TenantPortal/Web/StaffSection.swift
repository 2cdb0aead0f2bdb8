import PGStore

/// One entry of the staff workspace's navigation, as a feature registers it (`PortalFeature`):
/// where it lives under `/t/{slug}/staff/`, its name in both languages, whether every member or
/// only administrators see it (the pages refuse agents too), and the module that switches it on.
struct StaffSection: Sendable, Equatable {
    let path: String
    let vi: String
    let en: String
    var isForEveryMember = false
    var module: PortalModule?

    func name(_ language: Language) -> String { language == .vi ? vi : en }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.path == rhs.path }

    static let queues = StaffSection(path: "", vi: "Hàng đợi", en: "Queues", isForEveryMember: true)
    static let customers = StaffSection(path: "customers", vi: "Khách hàng và mã truy cập", en: "Customers and tokens")
    static let members = StaffSection(path: "members", vi: "Nhân viên", en: "Staff members")
    static let workflows = StaffSection(path: "workflows", vi: "Quy trình", en: "Workflows")
    static let introduction = StaffSection(path: "settings/introduction", vi: "Giới thiệu dịch vụ", en: "Service introduction")
    static let serviceLevels = StaffSection(
        path: "settings/service-levels",
        vi: "Giờ làm việc và thời hạn xử lý",
        en: "Business hours and due times"
    )
    static let password = StaffSection(path: "password", vi: "Đổi mật khẩu", en: "Change password", isForEveryMember: true)
}

/// The workspace's navigation: every registered feature's sections, in the features' order.
struct StaffNavigation: Sendable {
    let sections: [StaffSection]

    /// The values every staff page shares: its title and heading, and the navigation with `current`
    /// marked (`staff-nav.mustache`): only the sections of the tenant's modules, and the
    /// administrators' only for administrators.
    func frame(_ current: StaffSection, tenant: Tenant, language: Language, isAdmin: Bool = true) -> [String: Any] {
        let base = PortalPath.staffHome.href(tenant.slug)
        let shown = sections.filter { section in
            (isAdmin || section.isForEveryMember) && (section.module.map(tenant.modules.contains) ?? true)
        }
        return [
            "title": current.name(language), "heading": current.name(language), "base": base, "slug": tenant.slug.value,
            "navLabel": StaffText.workspace(language),
            "sections": shown.map { ["href": base + $0.path, "name": $0.name(language), "current": $0 == current] as [String: Any] },
        ]
    }
}
