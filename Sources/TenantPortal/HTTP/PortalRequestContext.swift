import Hummingbird
import PGStore

/// What a request carries through middleware to its route: Hummingbird's core (logger with the
/// request id, parameters) and the tenant the path named, once resolved.
public struct PortalRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `TenantMiddleware` for every route under `/t/{slug}/`.
    public var tenant: Tenant?

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// The resolved tenant; routes under `/t/{slug}/` can rely on it.
    public func requireTenant() throws -> Tenant {
        guard let tenant else { throw HTTPError(.internalServerError, message: "tenant route without tenant") }
        return tenant
    }
}
