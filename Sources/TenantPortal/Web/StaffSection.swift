import PGStore

/// One entry of the staff workspace's navigation, as a feature registers it (`PortalFeature`):
/// where it lives under `/t/{slug}/staff/`, its name in both languages, whether every member or
/// only administrators see it (the pages refuse agents too), and the module that switches it on.
struct StaffSection: Sendable, Equatable {
    let path: String
    let name: Sentence
    var isForEveryMember = false
    var module: PortalModule?

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.path == rhs.path }

    static let queues = StaffSection(path: "", name: Sentence(vi: "Hàng đợi", en: "Queues"), isForEveryMember: true)
    static let tickets = StaffSection(path: "tickets", name: Sentence(vi: "Phiếu yêu cầu", en: "Tickets"), isForEveryMember: true)
    static let lotteryAgents = StaffSection(path: "lottery/agents", name: Sentence(vi: "Đại lý xổ số", en: "Lottery agents"), isForEveryMember: true)
    static let lotteryImports = StaffSection(path: "lottery/imports", name: Sentence(vi: "Nhập sổ cái", en: "Ledger imports"), isForEveryMember: true)
    static let lotteryPeriods = StaffSection(
        path: "lottery/periods",
        name: Sentence(vi: "Kỳ nợ và đối soát", en: "Periods and statements"),
        isForEveryMember: true
    )
    static let customers = StaffSection(path: "customers", name: Sentence(vi: "Khách hàng và mã truy cập", en: "Customers and tokens"))
    static let members = StaffSection(path: "members", name: Sentence(vi: "Nhân viên", en: "Staff members"))
    static let workflows = StaffSection(path: "workflows", name: Sentence(vi: "Quy trình", en: "Workflows"))
    static let introduction = StaffSection(path: "settings/introduction", name: Sentence(vi: "Giới thiệu dịch vụ", en: "Service introduction"))
    static let serviceLevels = StaffSection(
        path: "settings/service-levels",
        name: Sentence(vi: "Giờ làm việc và thời hạn xử lý", en: "Business hours and due times")
    )
    static let password = StaffSection(path: "password", name: Sentence(vi: "Đổi mật khẩu", en: "Change password"), isForEveryMember: true)
}

/// The workspace's navigation: every registered feature's sections, in the features' order.
struct StaffNavigation: Sendable {
    let sections: [StaffSection]

    /// The values every staff page shares (`staff-header.mustache`, the workspace's shell): its
    /// title and heading, the navigation with `current` marked (only the sections of the tenant's
    /// modules, and the administrators' only for administrators), the search box (its words kept
    /// on the ticket table), the signed-in member and their team, and the desktop width.
    func frame(_ current: StaffSection, member: Principal, tenant: Tenant, language: Language, searchText: String = "") -> [String: Any] {
        let base = PortalPath.staffHome.href(tenant.slug)
        let shown = sections.filter { section in
            (member.isStaffAdmin || section.isForEveryMember) && (section.module.map(tenant.modules.contains) ?? true)
        }
        var team: String?
        if case .staff(let staff) = member, !staff.team.isEmpty { team = staff.team }
        return [
            "title": current.name(language), "heading": current.name(language), "base": base, "slug": tenant.slug.value,
            "navLabel": StaffText.workspace(language), "mainClass": "workspace",
            "memberName": member.displayName, "memberTeam": team as Any,
            "searchLabel": StaffText.searchTickets(language), "searchButton": StaffText.search(language), "searchText": searchText,
            "menuLabel": StaffText.menu(language),
            "sections": shown.map { ["href": base + $0.path, "name": $0.name(language), "current": $0 == current] as [String: Any] },
        ]
    }
}
