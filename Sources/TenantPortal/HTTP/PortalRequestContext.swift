import Foundation
import Hummingbird
import PGStore

/// What every request starts with, before any route is found: Hummingbird's core (logger with the
/// request id, parameters), the client's address and the page language. Under `/t/{slug}/` the
/// tenant middleware names the tenant here, and the routes take one of the narrower contexts made
/// from it (`TenantRequestContext`, then `SignedInRequestContext` or `StaffRequestContext`), whose
/// tenant and principal are never optional.
public struct PortalRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `TenantMiddleware`; read once, when the tenant's context is made from this one.
    public var tenant: Tenant?
    public var language: Language = .vi
    /// The client's IP address, for sign-in throttling: the peer's, or behind a trusted proxy the one
    /// it names (`ClientAddressMiddleware`).
    public internal(set) var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// JSON bodies follow `APIJSON`'s conventions, both ways.
    public var requestDecoder: JSONDecoder { APIJSON.decoder }

    public var responseEncoder: JSONEncoder { APIJSON.encoder }
}
