import Hummingbird
import PGStore

/// What the page routes under `/t/{slug}/` share: the desks they call and their helpers (the staff
/// gate, forms, redirects). Each feature adds its own pages (`addXPages(to:)`, one file each).
struct TenantRoutes {
    let directory: TenantDirectory
    let pages: PageRenderer
    let desk: RequestDesk
    let signIn: SignInDesk
    let introductions: ServiceIntroductionDesk
    let tokens: CustomerTokens
    let roster: StaffRoster
    let serviceLevels: ServiceLevelSettings

    init(kit: FeatureKit) {
        directory = kit.directory
        pages = kit.pages
        desk = kit.desk
        signIn = kit.signIn
        introductions = kit.introductions
        tokens = kit.tokens
        roster = kit.roster
        serviceLevels = kit.serviceLevels
    }

    /// The group every page hangs from: the tenant found (or its 404 and suspended pages), the
    /// page headers, and refusals answered as notice pages.
    static func portal(_ router: Router<PortalRequestContext>, directory: TenantDirectory, pages: PageRenderer) -> RouterGroup<PortalRequestContext> {
        router.group("t/:slug")
            .add(middleware: TenantMiddleware.pages(directory, pages))
            .add(middleware: PageMiddleware())
            .add(middleware: PageRefusalMiddleware(pages: pages))
    }

    /// "See other": after a form is taken, the browser loads `location` with a GET, so a reload does
    /// not post the form again.
    static func redirect(_ location: String) -> Response {
        var response = Response.redirect(to: location, type: .found)
        response.status = .seeOther
        return response
    }
}
