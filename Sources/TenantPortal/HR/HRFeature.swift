import Hummingbird
import PGStore

/// The HR office's module (PRODUCT.md F1-F4): employee records that make and end the employees'
/// portal accounts. Its routes answer only for tenants with module `hr`. Still to come (issue 20):
/// the import, self-service and shared documents, the workspace's pages.
struct HRFeature: PortalFeature {
    static let module: PortalModule? = .hr
    let records: EmployeeRecords

    init(kit: FeatureKit) {
        records = EmployeeRecords(database: kit.database, invitations: kit.invitations, signIn: kit.signIn)
    }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        EmployeeController(records: records).addRoutes(to: api.group(context: SignedInRequestContext.self))
    }
}
