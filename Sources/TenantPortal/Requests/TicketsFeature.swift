import Foundation
import Hummingbird
import PGStore
import ServiceLifecycle

/// Requests (PRODUCT.md B1-B7, B15-B17): filing and following them on the portal, public tracking
/// and ratings, the staff's queues and ticket pages, the tickets API with its live stream, and the
/// workflows as readers see them. Every tenant has it; its types are gated by module
/// (`DefaultWorkflows.mayFile`).
struct TicketsFeature: PortalFeature {
    static let staffSections = [StaffSection.queues, .tickets]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addPages(to portal: RouterGroup<TenantRequestContext>) {
        RatingPages(desk: kit.desk, pages: kit.pages).addRoutes(to: portal)
        TrackingPage(desk: kit.desk, pages: kit.pages).addRoutes(to: portal)
        NewRequestPage(desk: kit.desk, pages: kit.pages).addRoutes(to: portal)
        RequestPages(desk: kit.desk, pages: kit.pages).addRoutes(to: portal)
    }

    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
        StaffQueuePages(desk: kit.desk, pages: kit.pages).addRoutes(to: staff)
        StaffTicketPages(desk: kit.desk, pages: kit.pages).addRoutes(to: staff)
        StaffTicketTablePage(desk: kit.desk, pages: kit.pages).addRoutes(to: staff)
    }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        TicketController(desk: kit.desk, feed: kit.feed, signIn: kit.signIn).addRoutes(to: api)
        WorkflowController(desk: kit.desk).addRoutes(to: api.group(context: SignedInRequestContext.self))
    }

    /// Workflows, notification rules and service-level settings: every request of the engine reads them.
    var settingsCaches: [any TenantCache] { kit.desk.settingsCaches }

    /// Service levels are watched with the tickets they belong to.
    var services: [any Service] {
        [kit.feed, ServiceLevelWatch(database: kit.database, directory: kit.directory, desk: kit.desk, logger: kit.logger)]
    }
}

extension PortalPath {
    static func request(_ code: String) -> PortalPath { PortalPath("requests/\(code)") }
    static func staffTicket(_ code: String) -> PortalPath { PortalPath("staff/tickets/\(code)") }
    static func ticketEvents(_ code: String) -> PortalPath { PortalPath("api/v1/tickets/\(code)/events") }
    /// The tenant's ticket changes after `since` (`TicketController.changes`).
    static func ticketChanges(since: Date) -> PortalPath {
        PortalPath("api/v1/tickets/changes?since=\(Int64((since.timeIntervalSince1970 * 1_000_000).rounded()))")
    }
    static func attachment(_ id: Int, of code: String) -> PortalPath { PortalPath("api/v1/tickets/\(code)/attachments/\(id)") }
    static func rating(_ code: String) -> PortalPath { PortalPath("rate/\(code)") }
}
