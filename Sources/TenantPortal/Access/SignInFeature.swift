import Hummingbird
import PGStore

/// Signing in and out (PRODUCT.md C1, E1, I4): the portal's front page, the staff sign-in, one's
/// own password, invitations, and the API's sessions and "who am I".
struct SignInFeature: PortalFeature {
    static let staffSections = [StaffSection.password]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addPages(to portal: RouterGroup<TenantRequestContext>) {
        SignInPages(signIn: kit.signIn, introductions: kit.introductions, pages: kit.pages).addRoutes(to: portal)
        PasswordPages(signIn: kit.signIn, pages: kit.pages).addRoutes(to: portal)
        for holder in [PasswordHolder.staff, .portalUser] {
            InvitationPages(signIn: kit.signIn, pages: kit.pages, holder: holder).addRoutes(to: portal)
        }
    }

    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
        PasswordPages(signIn: kit.signIn, pages: kit.pages).addStaffRoutes(to: staff)
    }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        SessionController(signIn: kit.signIn).addRoutes(to: api)
    }
}
