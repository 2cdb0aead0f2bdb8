import Hummingbird
import PGStore

/// The route groups under `/t/{slug}/` that every feature's routes hang from, each with what runs
/// before its routes: the tenant found (or its 404 and suspended answers), refusals answered as
/// pages or as JSON, and who is calling.
enum TenantGroups {
    /// The customer's portal and every page: page headers, refusals as notice pages, the session
    /// cookie read.
    static func portal(
        _ router: Router<PortalRequestContext>,
        directory: TenantDirectory,
        pages: PageRenderer,
        signIn: SignInDesk
    )
        -> RouterGroup<TenantRequestContext>
    {
        router.group("t/:slug")
            .add(middleware: TenantMiddleware.pages(directory, pages))
            .add(middleware: PageMiddleware())
            .add(middleware: PageRefusalMiddleware(pages: pages))
            .group(context: TenantRequestContext.self)
            .add(middleware: BearerMiddleware(signIn: signIn, readsAuthorization: false))
    }

    /// The staff workspace under `portal`: only staff members get past it.
    static func staff(_ portal: RouterGroup<TenantRequestContext>) -> RouterGroup<StaffRequestContext> {
        portal.group("staff", context: StaffRequestContext.self)
    }

    /// The JSON API, `/t/{slug}/api/v1` (`openapi.yaml`): errors as JSON, the bearer resolved.
    static func api(_ router: Router<PortalRequestContext>, directory: TenantDirectory, signIn: SignInDesk) -> RouterGroup<TenantRequestContext> {
        router.group("t/:slug/api/v1")
            .add(middleware: TenantMiddleware.api(directory))
            .add(middleware: APIErrorMiddleware())
            .group(context: TenantRequestContext.self)
            .add(middleware: BearerMiddleware(signIn: signIn))
    }
}
