import PGStore

/// The workflows each vertical ships with (PRODUCT.md B2, B16, D2); a tenant gets those of its
/// modules when it is created, and every tenant gets complaints and feedback.
public enum DefaultWorkflows {
    public static func forModules(_ modules: [PortalModule]) -> [Workflow] {
        modules.compactMap(primary) + [complaint, feedback]
    }

    /// The ticket type a request gets when it names none: the first of the tenant's verticals' own
    /// types that `filer` may file, else feedback.
    static func primaryType(of modules: [PortalModule], for filer: Principal) -> String {
        modules.compactMap(primary).map(\.ticketType).first { mayFile($0, filer, modules: modules) } ?? feedback.ticketType
    }

    /// The module whose type `ticketType` is; nil for the types every tenant has (complaints,
    /// feedback) and a tenant's own.
    static func module(of ticketType: String) -> PortalModule? {
        PortalModule.allCases.first { primary($0)?.ticketType == ticketType }
    }

    /// Whether `filer` may file a request of `ticketType` in a tenant with `modules`: a module's type
    /// only while the tenant has the module (removing one keeps its tickets, not the right to file
    /// more), and only by the people it is for: staff any; customers support requests and repair
    /// orders; portal users support requests, employees HR requests, agents statement disputes.
    /// Types of no module, anyone signed in.
    static func mayFile(_ ticketType: String, _ filer: Principal, modules: [PortalModule]) -> Bool {
        guard let module = module(of: ticketType) else { return true }
        guard modules.contains(module) else { return false }
        switch (module, filer) {
        case (_, .staff): return true
        case (.it, .customer), (.repair, .customer), (.it, .portalUser): return true
        case (.hr, .portalUser(let user)): return user.kind == "employee"
        case (.lottery, .portalUser(let user)): return user.kind == "agent"
        default: return false
        }
    }

    /// What a module brings is shown only while the tenant has it: a workflow of a module the
    /// tenant lost stays for its tickets' sake but is no longer offered.
    static func offered(_ workflows: [Workflow], modules: [PortalModule]) -> [Workflow] {
        workflows.filter { workflow in module(of: workflow.ticketType).map(modules.contains) ?? true }
    }

    private static func primary(_ module: PortalModule) -> Workflow? {
        switch module {
        case .it: supportRequest
        case .repair: repairOrder
        case .hr: hrRequest
        case .lottery: statementDispute
        case .care, .survey: nil
        }
    }

    static let supportRequest = Workflow(
        ticketType: "support",
        codePrefix: "HT",
        nameVi: "Yêu cầu hỗ trợ",
        nameEn: "Support request",
        stages: [
            .init("received", vi: "Đã tiếp nhận", en: "Received"),
            .init("in_progress", vi: "Đang xử lý", en: "In progress"),
            .init("waiting_customer", vi: "Chờ khách hàng phản hồi", en: "Waiting for you", pausesClock: true),
            .init("resolved", vi: "Đã xử lý xong", en: "Resolved", terminal: true),
            .init("cancelled", vi: "Đã hủy", en: "Cancelled", terminal: true),
        ],
        transitions: [
            .init("received", "in_progress"), .init("received", "cancelled"), .init("in_progress", "waiting_customer"),
            .init("waiting_customer", "in_progress"), .init("in_progress", "resolved"), .init("resolved", "in_progress"),
        ]
    )

    static let repairOrder = Workflow(
        ticketType: "repair_order",
        codePrefix: "SC",
        nameVi: "Phiếu sửa chữa",
        nameEn: "Repair order",
        stages: [
            .init("waiting", vi: "Chờ thực hiện", en: "Waiting"),
            .init("repairing", vi: "Đang sửa chữa", en: "Repairing"),
            .init("cleaning", vi: "Đang vệ sinh", en: "Cleaning"),
            .init("ready_for_pickup", vi: "Chờ giao xe", en: "Ready for pickup"),
            .init("delivered", vi: "Đã giao xe", en: "Delivered", terminal: true),
        ],
        transitions: [
            .init("waiting", "repairing"), .init("repairing", "cleaning"), .init("cleaning", "ready_for_pickup"),
            .init("ready_for_pickup", "delivered"), .init("cleaning", "repairing"),
        ]
    )

    static let hrRequest = Workflow(
        ticketType: "hr_request",
        codePrefix: "NS",
        nameVi: "Yêu cầu nhân sự",
        nameEn: "HR request",
        stages: [
            .init("received", vi: "Đã tiếp nhận", en: "Received"),
            .init("in_progress", vi: "Đang xử lý", en: "In progress"),
            .init("done", vi: "Hoàn thành", en: "Done", terminal: true),
            .init("declined", vi: "Từ chối", en: "Declined", terminal: true),
        ],
        transitions: [.init("received", "in_progress"), .init("in_progress", "done"), .init("in_progress", "declined")]
    )

    static let statementDispute = Workflow(
        ticketType: "statement_dispute",
        codePrefix: "DS",
        nameVi: "Khiếu nại đối soát",
        nameEn: "Statement dispute",
        stages: [
            .init("received", vi: "Đã tiếp nhận", en: "Received"),
            .init("checking", vi: "Đang đối chiếu", en: "Checking"),
            .init("settled", vi: "Đã thống nhất", en: "Settled", terminal: true),
        ],
        transitions: [.init("received", "checking"), .init("checking", "settled")]
    )

    static let complaint = Workflow(
        ticketType: "complaint",
        codePrefix: "KN",
        nameVi: "Khiếu nại",
        nameEn: "Complaint",
        stages: [
            .init("received", vi: "Đã tiếp nhận", en: "Received"),
            .init("investigating", vi: "Đang xem xét", en: "Investigating"),
            .init("escalated", vi: "Đã chuyển cấp quản lý", en: "Escalated", customerVisible: false),
            .init("resolved", vi: "Đã giải quyết", en: "Resolved", terminal: true),
        ],
        transitions: [
            .init("received", "investigating"), .init("investigating", "escalated"), .init("escalated", "investigating"),
            .init("investigating", "resolved"),
        ]
    )

    static let feedback = Workflow(
        ticketType: "feedback",
        codePrefix: "GY",
        nameVi: "Góp ý",
        nameEn: "Feedback or suggestion",
        stages: [
            .init("received", vi: "Đã tiếp nhận", en: "Received"),
            .init("reviewed", vi: "Đã ghi nhận", en: "Reviewed", terminal: true),
        ],
        transitions: [.init("received", "reviewed")]
    )
}
