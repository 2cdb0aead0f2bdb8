import Hummingbird
import PGStore

/// The customer-facing portal under `/t/{slug}/`. For now the landing page, the rating page and
/// public tracking; sign-in and requests join them as their features land.
struct TenantRoutes {
    let directory: TenantDirectory
    let pages: PageRenderer
    let desk: RequestDesk

    func add(to router: Router<PortalRequestContext>) {
        let pages = self.pages
        let portal = router.group("t/:slug")
            .add(middleware: TenantMiddleware(directory: directory) { notice, language, status in
                pages.notice(notice, language: language, status: status)
            })
            .add(middleware: PageMiddleware())
        portal.get { _, context in
            pages.landing(tenant: try context.requireTenant(), language: context.language)
        }
        addRatingPages(to: portal)
        addTrackingPage(to: portal)
    }
}
