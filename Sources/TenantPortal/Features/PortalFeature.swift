import Hummingbird
import Logging
import PGStore
import ServiceLifecycle

/// One area of the portal as it registers with the service: the module that switches it on (nil
/// for what every tenant has), its staff navigation entries, its pages under `/t/{slug}/` (the
/// customer's portal), its pages under `/t/{slug}/staff/` (the workspace, for staff members
/// only), its routes under `/t/{slug}/api/v1`, the background services it runs in every `serve`,
/// and the per-tenant settings it keeps in memory (forgotten on every instance when the tenant's
/// settings change, `TenantChangeWatch`). `buildApplication` mounts every feature of
/// `PortalFeatures.all` in one loop; a module's routes answer only for tenants that have it
/// (`ModuleGate`), and its sections show only in their navigation. Each area's routes are a
/// controller value with named handlers; API routes that need a caller take them from
/// `api.group(context: SignedInRequestContext.self)`.
protocol PortalFeature: Sendable {
    static var module: PortalModule? { get }
    static var staffSections: [StaffSection] { get }
    /// Made once, at assembly, from the desks every feature shares.
    init(kit: FeatureKit)
    func addPages(to portal: RouterGroup<TenantRequestContext>)
    func addStaffPages(to staff: RouterGroup<StaffRequestContext>)
    func addAPI(to api: RouterGroup<TenantRequestContext>)
    var services: [any Service] { get }
    var settingsCaches: [any TenantCache] { get }
    /// What the feature shows on a customer organisation's page (`CustomerSections`); nil: nothing.
    func customerSection(
        for customer: CustomerAccount,
        member: Principal,
        tenant: Tenant,
        language: Language,
        logger: Logger
    ) async throws
        -> CustomerSection?
}

extension PortalFeature {
    static var module: PortalModule? { nil }
    static var staffSections: [StaffSection] { [] }
    func addPages(to portal: RouterGroup<TenantRequestContext>) {}
    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {}
    func addAPI(to api: RouterGroup<TenantRequestContext>) {}
    var services: [any Service] { [] }
    var settingsCaches: [any TenantCache] { [] }
    func customerSection(
        for customer: CustomerAccount,
        member: Principal,
        tenant: Tenant,
        language: Language,
        logger: Logger
    ) async throws
        -> CustomerSection?
    { nil }
}

/// What `buildApplication` makes once and hands to every feature: the pool, the desks, the page
/// renderer and the live feed. A feature builds what is its own from these, never a second copy
/// of a shared desk.
struct FeatureKit: Sendable {
    let database: Database
    let directory: TenantDirectory
    let pages: PageRenderer
    let desk: RequestDesk
    let feed: TicketFeed
    let signIn: SignInDesk
    let tokens: CustomerTokens
    let roster: StaffRoster
    /// Writes set-password links for new accounts (staff, agents, employees).
    let invitations: InvitationMail
    let introductions: ServiceIntroductionDesk
    let serviceLevels: ServiceLevelSettings
    let notifications: NotificationDesk
    let teams: TeamSettings
    let cannedReplies: CannedReplies
    /// Filled as the features are mounted; read by the customer's page.
    let customerSections: CustomerSections
    let logger: Logger
}
