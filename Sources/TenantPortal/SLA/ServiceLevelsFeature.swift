import Hummingbird

/// Business hours, holidays and due times per team and priority (PRODUCT.md B10), and the teams
/// that take each ticket type (B11), for administrators.
struct ServiceLevelsFeature: PortalFeature {
    static let staffSections = [StaffSection.serviceLevels]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addPages(to portal: RouterGroup<PortalRequestContext>) {
        kit.routes.addServiceLevelPage(to: portal)
    }

    func addAPI(to api: RouterGroup<PortalRequestContext>) {
        ServiceLevelRoutes(settings: kit.serviceLevels).add(to: api)
        TeamRoutes(settings: kit.teams, desk: kit.desk).add(to: api)
    }
}
