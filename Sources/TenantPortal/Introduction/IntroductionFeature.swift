import Hummingbird

/// The service introduction (PRODUCT.md C3): shown on the portal's front page, edited by
/// administrators in the workspace and through the API.
struct IntroductionFeature: PortalFeature {
    static let staffSections = [StaffSection.introduction]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
        IntroductionPage(introductions: kit.introductions, pages: kit.pages).addRoutes(to: staff)
    }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        IntroductionController(introductions: kit.introductions).addRoutes(to: api)
    }
}
