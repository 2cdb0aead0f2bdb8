import Hummingbird

/// Customer organisations and their tokens (PRODUCT.md C1, C2), for administrators.
struct CustomersFeature: PortalFeature {
    static let staffSections = [StaffSection.customers]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
        CustomerPages(tokens: kit.tokens, pages: kit.pages, database: kit.database, desk: kit.desk, sections: kit.customerSections).addRoutes(
            to: staff
        )
    }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        CustomerController(tokens: kit.tokens).addRoutes(to: api.group(context: SignedInRequestContext.self))
    }
}
