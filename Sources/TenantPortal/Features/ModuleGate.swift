import Hummingbird
import PGStore

/// Lets a feature's routes answer only for tenants that have its module. Anyone else gets exactly
/// what an address no route serves gets (`UnknownAddressMiddleware`: the 404 page, or the API's
/// `not_found`), so a tenant's portal does not even tell that a module exists. The tenant's
/// modules come from its catalog row, which every instance forgets when `tenant update --modules`
/// commits, so a change takes effect on every running server at once.
struct ModuleGate<Context: TenantScopedContext>: RouterMiddleware {
    let module: PortalModule

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.tenant.modules.contains(module) else { throw AddressNotServed() }
        return try await next(request, context)
    }
}

/// The address is not served for this tenant: answered as an unknown address is.
struct AddressNotServed: Error {}
