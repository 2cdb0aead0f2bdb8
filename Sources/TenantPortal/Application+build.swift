import Hummingbird
import Logging
import PGStore
import Prometheus

/// What `portal-admin serve` needs to build the service.
public struct ServeOptions: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseURL
    public var poolSize: Int
    public var attachmentLimits: AttachmentLimits
    /// How long a looked-up tenant is trusted before the catalog is asked again.
    public var tenantFreshness: Duration

    public init(
        host: String, port: Int, database: DatabaseURL, poolSize: Int, attachmentLimits: AttachmentLimits = AttachmentLimits(),
        tenantFreshness: Duration = .seconds(2)
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.poolSize = poolSize
        self.attachmentLimits = attachmentLimits
        self.tenantFreshness = tenantFreshness
    }
}

/// The one place the service is assembled: the database pool first, then the routes that use it.
/// Before it listens, the service checks that its login cannot bypass tenant isolation.
public func buildApplication(_ options: ServeOptions, logger: Logger) throws -> some ApplicationProtocol {
    // Metrics first: the pool registers its figures when it is made.
    let metrics = PrometheusMetrics.registry()
    let database = Database(url: options.database, maxConnections: options.poolSize, logger: logger)
    let router = try buildRouter(database: database, metrics: metrics, options: options)
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "tenant-portal"),
        logger: logger
    )
    app.addServices(database)
    app.beforeServerStarts {
        try await database.verifyReachable(logger: logger)
        try await ServiceLogin.requireIsolated(database, logger: logger)
    }
    return app
}

func buildRouter(database: Database, metrics: PrometheusCollectorRegistry, options: ServeOptions) throws -> Router<PortalRequestContext> {
    let router = Router(context: PortalRequestContext.self)
    router.addMiddleware {
        RequestIDMiddleware()
        AccessLogMiddleware()
        MetricsMiddleware()
    }
    let pages = try PageRenderer()
    let directory = TenantDirectory(catalog: TenantCatalog(database: database), freshFor: options.tenantFreshness)
    ServiceRoutes(database: database, metrics: metrics).add(to: router)
    StaticRoutes().add(to: router)
    TenantRoutes(directory: directory, pages: pages).add(to: router)
    let desk = RequestDesk(database: database, limits: options.attachmentLimits)
    APIRoutes(directory: directory, signIn: SignInDesk(database: database), desk: desk).add(to: router)
    return router
}
