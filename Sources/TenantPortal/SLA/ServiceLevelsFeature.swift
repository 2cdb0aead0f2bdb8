import Hummingbird

/// Business hours, holidays and due times per team and priority (PRODUCT.md B10), and the teams
/// that take each ticket type (B11), for administrators.
struct ServiceLevelsFeature: PortalFeature {
    static let staffSections = [StaffSection.serviceLevels]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
        ServiceLevelPage(serviceLevels: kit.serviceLevels, pages: kit.pages).addRoutes(to: staff)
    }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        let signedIn = api.group(context: SignedInRequestContext.self)
        ServiceLevelController(settings: kit.serviceLevels).addRoutes(to: signedIn)
        TeamController(settings: kit.teams, desk: kit.desk).addRoutes(to: signedIn)
    }
}
