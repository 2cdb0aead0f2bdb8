import Hummingbird
import PGStore

/// The customer-facing portal under `/t/{slug}/`. For now the landing page; requests, tracking and
/// sign-in join it as their features land.
struct TenantRoutes {
    let directory: TenantDirectory
    let pages: PageRenderer

    func add(to router: Router<PortalRequestContext>) {
        let portal = router.group("t/:slug").add(middleware: TenantMiddleware(directory: directory, pages: pages))
        portal.get { request, context in
            let tenant = try context.requireTenant()
            let language = Language.negotiate(request: request, fallback: tenant.language)
            return pages.landing(tenant: tenant, language: language)
        }
    }
}
