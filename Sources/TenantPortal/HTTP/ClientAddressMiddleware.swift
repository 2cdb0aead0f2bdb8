import HTTPTypes
import Hummingbird

/// Behind trusted reverse proxies, the client is the address they name in `X-Forwarded-For`
/// (see `TrustedProxies`); everyone else's header is ignored. First in the chain, so that the
/// access log and sign-in throttling see the same client.
struct ClientAddressMiddleware: RouterMiddleware {
    let proxies: TrustedProxies

    func handle(
        _ request: Request,
        context: PortalRequestContext,
        next: (Request, PortalRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.clientAddress = proxies.clientAddress(peer: context.clientAddress, forwardedFor: request.headers[values: .forwardedFor])
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
