import Hummingbird

/// Editing the tenant's workflows (PRODUCT.md B2), for administrators.
struct WorkflowsFeature: PortalFeature {
    static let staffSections = [StaffSection.workflows]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addPages(to portal: RouterGroup<PortalRequestContext>) {
        kit.routes.addWorkflowPages(to: portal)
    }
}

extension PortalPath {
    static func workflow(_ ticketType: String) -> PortalPath { PortalPath("staff/workflows/\(ticketType)") }
}
