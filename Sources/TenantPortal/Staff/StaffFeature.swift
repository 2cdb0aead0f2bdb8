import Hummingbird

/// The tenant's staff members (PRODUCT.md A1): the roster, invitations, roles and teams, for
/// administrators.
struct StaffFeature: PortalFeature {
    static let staffSections = [StaffSection.members]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addPages(to portal: RouterGroup<PortalRequestContext>) {
        kit.routes.addStaffMemberPages(to: portal)
    }

    func addAPI(to api: RouterGroup<PortalRequestContext>) {
        StaffRoutes(roster: kit.roster).add(to: api)
    }
}
