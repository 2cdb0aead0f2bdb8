import Hummingbird
import Logging
import Mail
import Mustache
import PGStore
import Prometheus
import ServiceLifecycle

/// What `portal-admin serve` needs to build the service.
public struct ServeOptions: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseURL
    /// Where the change listeners connect: PostgreSQL itself when `database` is a transaction pooler.
    public var listenDatabase: DatabaseURL?
    public var poolSize: Int
    public var attachmentLimits: AttachmentLimits
    public var links: PortalLinks
    public var mail: MailOptions?
    public var trustedProxies: TrustedProxies
    /// Days delivered mail stays in the outbox before the purge removes it; nil: this instance never
    /// purges (tests, whose instances share one database and would purge each other's tenants).
    public var outboxRetentionDays: Int?

    public init(
        host: String,
        port: Int,
        database: DatabaseURL,
        poolSize: Int,
        links: PortalLinks,
        mail: MailOptions? = nil,
        attachmentLimits: AttachmentLimits = AttachmentLimits(),
        trustedProxies: TrustedProxies = .none,
        listenDatabase: DatabaseURL? = nil,
        outboxRetentionDays: Int? = 90
    ) {
        self.outboxRetentionDays = outboxRetentionDays
        self.host = host
        self.port = port
        self.database = database
        self.listenDatabase = listenDatabase
        self.poolSize = poolSize
        self.links = links
        self.mail = mail
        self.attachmentLimits = attachmentLimits
        self.trustedProxies = trustedProxies
    }
}

/// How the service delivers the outbox: through which relay, as whom, with how many workers.
public struct MailOptions: Sendable {
    public var smtp: SMTPSettings
    public var sender: String
    public var workers: Int
    /// How long an idle worker waits before looking at the outbox again.
    public var idlePause: Duration

    public init(smtp: SMTPSettings, sender: String, workers: Int = 1, idlePause: Duration = .milliseconds(500)) {
        self.smtp = smtp
        self.sender = sender
        self.workers = workers
        self.idlePause = idlePause
    }
}

/// The one place the service is assembled: the database pool and the desks first, then every
/// feature of `PortalFeatures.all` mounted in one loop (its pages, its API routes, behind its
/// module's gate; its background services), then the platform's own services. Before it listens,
/// the service checks that its login cannot bypass tenant isolation.
public func buildApplication(_ options: ServeOptions, logger: Logger) throws -> some ApplicationProtocol {
    try buildApplication(options, features: PortalFeatures.all, logger: logger)
}

/// The same with `features` (tests mount a module's stand-in beside the real ones).
func buildApplication(_ options: ServeOptions, features: [any PortalFeature.Type], logger: Logger) throws -> some ApplicationProtocol {
    // Metrics first: the pool registers its figures when it is made.
    let metrics = PrometheusMetrics.registry()
    let database = Database(url: options.database, listenURL: options.listenDatabase, maxConnections: options.poolSize, logger: logger)
    let templates = try MustacheLibrary.embedded()
    let directory = TenantDirectory(catalog: TenantCatalog(database: database))
    let notices = TicketNotices(mail: TicketMail(templates: templates), links: options.links)
    let desk = RequestDesk(database: database, limits: options.attachmentLimits, notices: notices)
    let pages = PageRenderer(library: templates, limits: options.attachmentLimits, navigation: PortalFeatures.navigation(of: features))
    let holders = BearerHolders()
    let signIn = SignInDesk(database: database, holders: holders)
    let accounts = Accounts(database: database)
    let invitations = InvitationMail(links: options.links, templates: templates)
    let kit = FeatureKit(
        database: database,
        directory: directory,
        pages: pages,
        desk: desk,
        feed: TicketFeed(database: database, logger: logger),
        signIn: signIn,
        tokens: CustomerTokens(accounts: accounts, signIn: signIn),
        roster: StaffRoster(accounts: accounts, invitations: invitations, signIn: signIn),
        invitations: invitations,
        introductions: ServiceIntroductionDesk(database: database),
        serviceLevels: ServiceLevelSettings(desk: desk),
        notifications: NotificationDesk(desk: desk),
        teams: TeamSettings(database: database),
        cannedReplies: CannedReplies(database: database),
        customerSections: CustomerSections(),
        logger: logger
    )

    let router = Router(context: PortalRequestContext.self)
    // Behind trusted proxies only: without them the peer is the client, and no header need be read.
    if !options.trustedProxies.addresses.isEmpty {
        router.addMiddleware { ClientAddressMiddleware(proxies: options.trustedProxies) }
    }
    router.addMiddleware {
        RequestIDMiddleware()
        AccessLogMiddleware()
        MetricsMiddleware()
        UnknownAddressMiddleware(directory: directory, pages: pages)
    }
    ServiceRoutes(database: database, metrics: metrics).add(to: router)
    StaticRoutes().add(to: router)
    let portal = TenantGroups.portal(router, directory: directory, pages: pages, signIn: signIn)
    let api = TenantGroups.api(router, directory: directory, signIn: signIn)
    var services: [any Service] = []
    var settingsCaches: [any TenantCache] = []
    for type in features {
        let feature = type.init(kit: kit)
        kit.customerSections.add(feature, module: type.module)
        // The gate comes before the staff and sign-in checks, so a tenant without the module gets
        // an unknown address's answer whoever asks.
        let featurePages = type.module.map { portal.group().add(middleware: ModuleGate(module: $0)) } ?? portal
        feature.addPages(to: featurePages)
        feature.addStaffPages(to: TenantGroups.staff(featurePages))
        feature.addAPI(to: type.module.map { api.group().add(middleware: ModuleGate(module: $0)) } ?? api)
        services += feature.services
        settingsCaches += feature.settingsCaches
    }

    var app = Application(
        router: router,
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "tenant-portal"),
        logger: logger
    )
    app.addServices(
        database,
        TenantChangeWatch(database: database, changes: .access, caches: [directory, holders], logger: logger),
        TenantChangeWatch(database: database, changes: .settings, caches: settingsCaches, logger: logger)
    )
    app.addServices(services)
    if let days = options.outboxRetentionDays {
        app.addServices(PurgeWorker(database: database, purge: Purge(database: database, outboxRetentionDays: days), logger: logger))
    }
    if let mail = options.mail {
        let client = try SMTPClient(settings: mail.smtp, logger: logger)
        for _ in 0..<mail.workers {
            app.addServices(MailDelivery(database: database, client: client, sender: mail.sender, logger: logger, idlePause: mail.idlePause))
        }
    } else {
        logger.notice("SMTP_HOST is not set: notification mail waits in the outbox until a relay is configured")
    }
    app.beforeServerStarts {
        try await database.verifyReachable(logger: logger)
        try await ServiceLogin.requireIsolated(database, logger: logger)
    }
    return app
}
