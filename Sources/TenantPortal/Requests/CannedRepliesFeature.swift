import Hummingbird

/// Canned replies (PRODUCT.md B12): kept by administrators, offered on the staff's ticket page.
struct CannedRepliesFeature: PortalFeature {
    let kit: FeatureKit

    init(kit: FeatureKit) { self.kit = kit }

    func addAPI(to api: RouterGroup<TenantRequestContext>) {
        CannedReplyController(replies: kit.cannedReplies).addRoutes(to: api.group(context: SignedInRequestContext.self))
    }
}
