import Hummingbird
import PGStore

/// `GET /workflows`: the ticket types the tenant's modules offer, with their stages in the
/// caller's language (PRODUCT.md B2).
struct WorkflowController {
    let desk: RequestDesk

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("workflows", use: list)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> WorkflowListView {
        let all = try await desk.workflows(tenant: context.tenant, logger: context.logger)
        let offered = DefaultWorkflows.offered(all, modules: context.tenant.modules)
        return WorkflowListView(workflows: offered.map { WorkflowView($0, context.language) })
    }
}
