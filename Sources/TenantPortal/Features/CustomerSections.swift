import Logging
import PGStore
import Synchronization

/// A block a module adds to a customer organisation's page in the workspace (its orders, care,
/// vehicles, an agent's figures): a heading and a few lines, already in the member's language.
struct CustomerSection: Sendable, Equatable {
    var heading: String
    var lines: [String]
}

/// The features that add to a customer's page, filled once as `buildApplication` mounts them and
/// asked on every customer page: each module's section shows only for tenants that have it.
final class CustomerSections: Sendable {
    private let features = Mutex<[(module: PortalModule?, feature: any PortalFeature)]>([])

    func add(_ feature: any PortalFeature, module: PortalModule?) {
        features.withLock { $0.append((module, feature)) }
    }

    func sections(
        for customer: CustomerAccount,
        member: Principal,
        tenant: Tenant,
        language: Language,
        logger: Logger
    ) async throws -> [CustomerSection] {
        var sections: [CustomerSection] = []
        for (module, feature) in features.withLock({ $0 }) where module.map(tenant.modules.contains) ?? true {
            if let section = try await feature.customerSection(for: customer, member: member, tenant: tenant, language: language, logger: logger) {
                sections.append(section)
            }
        }
        return sections
    }
}
