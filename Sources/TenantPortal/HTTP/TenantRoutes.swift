import Hummingbird
import PGStore

/// The pages under `/t/{slug}/`: the front page with signing in, changing one's password, the
/// visitor's requests, the rating page, public tracking, and the staff workspace.
struct TenantRoutes {
    let directory: TenantDirectory
    let pages: PageRenderer
    let desk: RequestDesk
    let signIn: SignInDesk
    let introductions: ServiceIntroductionDesk
    let tokens: CustomerTokens
    let roster: StaffRoster
    let serviceLevels: ServiceLevelSettings

    func add(to router: Router<PortalRequestContext>) {
        let portal = router.group("t/:slug")
            .add(middleware: TenantMiddleware.pages(directory, pages))
            .add(middleware: PageMiddleware())
            .add(middleware: PageRefusalMiddleware(pages: pages))
        addSignInPages(to: portal)
        addPasswordPages(to: portal)
        addInvitationPages(to: portal)
        addRatingPages(to: portal)
        addTrackingPage(to: portal)
        addNewRequestPage(to: portal)
        addRequestPages(to: portal)
        addStaffPages(to: portal)
        addStaffTicketPages(to: portal)
        addIntroductionPage(to: portal)
        addCustomerPages(to: portal)
        addStaffMemberPages(to: portal)
        addWorkflowPages(to: portal)
        addServiceLevelPage(to: portal)
    }

    /// "See other": after a form is taken, the browser loads `location` with a GET, so a reload does
    /// not post the form again.
    static func redirect(_ location: String) -> Response {
        var response = Response.redirect(to: location, type: .found)
        response.status = .seeOther
        return response
    }
}
