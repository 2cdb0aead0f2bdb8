import Hummingbird

/// Editing the tenant's workflows (PRODUCT.md B2), for administrators.
struct WorkflowsFeature: PortalFeature {
    static let staffSections = [StaffSection.workflows]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
        WorkflowPages(desk: kit.desk, pages: kit.pages).addRoutes(to: staff)
    }
}

extension PortalPath {
    static func workflow(_ ticketType: String) -> PortalPath { PortalPath("staff/workflows/\(ticketType)") }
}
