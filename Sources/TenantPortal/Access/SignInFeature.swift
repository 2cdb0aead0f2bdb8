import Hummingbird

/// Signing in and out (PRODUCT.md C1, E1, I4): the portal's front page, the staff sign-in, one's
/// own password, invitations, and the API's sessions and "who am I".
struct SignInFeature: PortalFeature {
    static let staffSections = [StaffSection.password]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addPages(to portal: RouterGroup<PortalRequestContext>) {
        let routes = kit.routes
        routes.addSignInPages(to: portal)
        routes.addPasswordPages(to: portal)
        routes.addInvitationPages(to: portal)
    }

    func addAPI(to api: RouterGroup<PortalRequestContext>) {
        APIRoutes(signIn: kit.signIn).add(to: api)
    }
}
