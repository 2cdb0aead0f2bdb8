import Hummingbird

/// Which events send mail to whom (PRODUCT.md B8), for administrators through the API.
struct NotificationsFeature: PortalFeature {
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        NotificationController(notifications: kit.notifications, desk: kit.desk).addRoutes(to: api.group(context: SignedInRequestContext.self))
    }
}
