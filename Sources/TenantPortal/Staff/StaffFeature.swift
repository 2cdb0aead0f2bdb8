import Hummingbird

/// The tenant's staff members (PRODUCT.md A1): the roster, invitations, roles and teams, for
/// administrators.
struct StaffFeature: PortalFeature {
    static let staffSections = [StaffSection.members]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
        StaffMemberPages(roster: kit.roster, pages: kit.pages).addRoutes(to: staff)
    }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        StaffController(roster: kit.roster).addRoutes(to: api.group(context: SignedInRequestContext.self))
    }
}
