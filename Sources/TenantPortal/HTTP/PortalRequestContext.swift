import Foundation
import Hummingbird
import PGStore

/// What a request carries through middleware to its route: Hummingbird's core (logger with the
/// request id, parameters), the tenant the path named, who is signed in, and the page language.
public struct PortalRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `TenantMiddleware` for every route under `/t/{slug}/`.
    public var tenant: Tenant?
    /// Set by `BearerMiddleware` when the request carries a valid session or customer token.
    public var principal: Principal?
    /// The bearer value itself, so signing out can end exactly this session.
    public var bearer: String?
    public var language: Language = .vi
    /// The client's IP address, for sign-in throttling: the peer's, or behind a trusted proxy the one
    /// it names (`ClientAddressMiddleware`).
    public internal(set) var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The resolved tenant; routes under `/t/{slug}/` can rely on it.
    public func requireTenant() throws -> Tenant {
        guard let tenant else { throw HTTPError(.internalServerError, message: "tenant route without tenant") }
        return tenant
    }

    public func requirePrincipal() throws(PortalError) -> Principal {
        guard let principal else { throw PortalError.notSignedIn }
        return principal
    }

    /// JSON bodies follow `APIJSON`'s conventions, both ways.
    public var requestDecoder: JSONDecoder { APIJSON.decoder }

    public var responseEncoder: JSONEncoder { APIJSON.encoder }
}
