import PGStore

/// The staff workspace's parts as its navigation lists them: the queues and one's own password for
/// every member, the settings for administrators only (the pages refuse agents too).
enum StaffSection: String, CaseIterable {
    case queues, customers, members, workflows, introduction, serviceLevels, password

    var isForEveryMember: Bool { self == .queues || self == .password }

    /// Under `/t/{slug}/staff/`.
    var path: String {
        switch self {
        case .queues: ""
        case .customers: "customers"
        case .members: "members"
        case .workflows: "workflows"
        case .introduction: "settings/introduction"
        case .serviceLevels: "settings/service-levels"
        case .password: "password"
        }
    }

    func name(_ language: Language) -> String {
        switch (self, language) {
        case (.queues, .vi): "Hàng đợi"
        case (.queues, .en): "Queues"
        case (.customers, .vi): "Khách hàng và mã truy cập"
        case (.customers, .en): "Customers and tokens"
        case (.members, .vi): "Nhân viên"
        case (.members, .en): "Staff members"
        case (.workflows, .vi): "Quy trình"
        case (.workflows, .en): "Workflows"
        case (.introduction, .vi): "Giới thiệu dịch vụ"
        case (.introduction, .en): "Service introduction"
        case (.serviceLevels, .vi): "Giờ làm việc và thời hạn xử lý"
        case (.serviceLevels, .en): "Business hours and due times"
        case (.password, .vi): "Đổi mật khẩu"
        case (.password, .en): "Change password"
        }
    }

    /// The values every staff page shares: its title and heading, and the navigation with this
    /// section marked (`staff-nav.mustache`).
    func frame(tenant: Tenant, language: Language, isAdmin: Bool = true) -> [String: Any] {
        let base = "/t/\(tenant.slug)/staff/"
        return [
            "title": name(language), "heading": name(language), "base": base, "slug": tenant.slug.value,
            "navLabel": StaffText.workspace(language),
            "sections": Self.allCases.filter { isAdmin || $0.isForEveryMember }.map {
                ["href": base + $0.path, "name": $0.name(language), "current": $0 == self] as [String: Any]
            },
        ]
    }
}
