import Foundation
import Hummingbird
import PGStore

/// What a route under `/t/{slug}/` can count on: its tenant, found and active.
protocol TenantScopedContext: RequestContext {
    var tenant: Tenant { get }
    var language: Language { get }
    var clientAddress: String { get }
}

/// A request under `/t/{slug}/` once `TenantMiddleware` found its tenant: every page and API route
/// hangs from a group of this context (or a narrower one), so no handler unwraps the tenant. Who
/// is calling, when anyone, is set by `BearerMiddleware`.
struct TenantRequestContext: ChildRequestContext, TenantScopedContext {
    var coreContext: CoreRequestContextStorage
    let tenant: Tenant
    var language: Language
    let clientAddress: String
    var principal: Principal?
    /// The bearer value itself, so signing out can end exactly this session.
    var bearer: String?

    init(context: PortalRequestContext) throws {
        // The tenant middleware runs before this group in every chain that makes one.
        guard let tenant = context.tenant else { throw HTTPError(.internalServerError, message: "tenant route without tenant") }
        // The whole core: the path's parameters and the logger with its request id and tenant
        // (`CoreRequestContextStorage(source:)` would keep the logger only).
        self.coreContext = context.coreContext
        self.tenant = tenant
        self.language = context.language
        self.clientAddress = context.clientAddress
    }

    var requestDecoder: JSONDecoder { APIJSON.decoder }

    var responseEncoder: JSONEncoder { APIJSON.encoder }
}

/// A request from someone signed in (a session or a customer's token): the API's routes but
/// signing in, and the customer's own pages. Made only when `BearerMiddleware` found a principal;
/// otherwise the request is refused with `PortalError.notSignedIn` before its body is read (the
/// API's 401; a page sends the visitor to the front page to sign in).
struct SignedInRequestContext: ChildRequestContext, TenantScopedContext {
    var coreContext: CoreRequestContextStorage
    let tenant: Tenant
    let principal: Principal
    let bearer: String?
    var language: Language
    let clientAddress: String

    init(context: TenantRequestContext) throws {
        guard let principal = context.principal else { throw PortalError.notSignedIn }
        self.coreContext = context.coreContext
        self.tenant = context.tenant
        self.principal = principal
        self.bearer = context.bearer
        self.language = context.language
        self.clientAddress = context.clientAddress
    }

    var requestDecoder: JSONDecoder { APIJSON.decoder }

    var responseEncoder: JSONEncoder { APIJSON.encoder }
}

/// A staff workspace page under `/t/{slug}/staff/`, from a signed-in staff member. Anyone else is
/// sent to the staff sign-in page (`StaffSignInNeeded`, answered by `PageRefusalMiddleware`);
/// the administrators' pages add `AdminOnly`.
struct StaffRequestContext: ChildRequestContext, TenantScopedContext {
    var coreContext: CoreRequestContextStorage
    let tenant: Tenant
    let member: Principal
    let bearer: String?
    var language: Language
    let clientAddress: String

    init(context: TenantRequestContext) throws {
        guard let member = context.principal, member.isStaff else { throw StaffSignInNeeded() }
        self.coreContext = context.coreContext
        self.tenant = context.tenant
        self.member = member
        self.bearer = context.bearer
        self.language = context.language
        self.clientAddress = context.clientAddress
    }
}

/// A workspace page was asked for by someone who is not signed in as staff.
struct StaffSignInNeeded: Error {}

/// The administrators' pages of the workspace: an agent is refused with a page saying so.
struct AdminOnly: RouterMiddleware {
    typealias Context = StaffRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.member.isStaffAdmin else { throw PortalError.adminOnly }
        return try await next(request, context)
    }
}
