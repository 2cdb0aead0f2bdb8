/// Every feature the service mounts, in the order of the staff navigation: the one list a new area
/// or module is added to (README, "Adding a module").
enum PortalFeatures {
    static let all: [any PortalFeature.Type] = [
        TicketsFeature.self,
        CustomersFeature.self,
        StaffFeature.self,
        WorkflowsFeature.self,
        IntroductionFeature.self,
        ServiceLevelsFeature.self,
        NotificationsFeature.self,
        CannedRepliesFeature.self,
        LotteryFeature.self,
        HRFeature.self,
        SignInFeature.self,
    ]

    /// The staff navigation of `features`, in their order.
    static func navigation(of features: [any PortalFeature.Type]) -> StaffNavigation {
        StaffNavigation(
            sections: features.flatMap { feature in
                feature.staffSections.map { section in
                    var section = section
                    section.module = section.module ?? feature.module
                    return section
                }
            }
        )
    }
}
