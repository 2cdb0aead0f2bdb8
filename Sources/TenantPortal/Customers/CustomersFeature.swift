import Hummingbird

/// Customer organisations and their tokens (PRODUCT.md C1, C2), for administrators.
struct CustomersFeature: PortalFeature {
    static let staffSections = [StaffSection.customers]
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addPages(to portal: RouterGroup<PortalRequestContext>) {
        kit.routes.addCustomerPages(to: portal)
    }

    func addAPI(to api: RouterGroup<PortalRequestContext>) {
        CustomerRoutes(tokens: kit.tokens).add(to: api)
    }
}
