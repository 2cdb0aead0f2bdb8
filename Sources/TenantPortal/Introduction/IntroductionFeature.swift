import Hummingbird

/// The service introduction (PRODUCT.md C3): shown on the portal's front page, edited by
/// administrators in the workspace and through the API.
struct IntroductionFeature: PortalFeature {
    static let staffSections = [StaffSection.introduction]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addPages(to portal: RouterGroup<PortalRequestContext>) {
        kit.routes.addIntroductionPage(to: portal)
    }

    func addAPI(to api: RouterGroup<PortalRequestContext>) {
        IntroductionRoutes(introductions: kit.introductions).add(to: api)
    }
}
