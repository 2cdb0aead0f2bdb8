import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The feature seam: a module's feature registers its pages, API routes and navigation, and every
/// one of them answers only for tenants that have its module.
@Suite("Features and their modules")
struct FeatureSeamTests {
    /// A module's feature as a vertical would register it: a page, an API route, a staff section.
    struct StandIn: PortalFeature {
        static let module: PortalModule? = .lottery
        static let staffSections = [StaffSection(path: "dai-ly", vi: "Đại lý", en: "Agents")]

        init(kit: FeatureKit) {}

        func addPages(to portal: RouterGroup<PortalRequestContext>) {
            portal.get("staff/dai-ly") { _, _ in "trang đại lý" }
        }

        func addAPI(to api: RouterGroup<PortalRequestContext>) {
            api.get("lottery/me/summary") { _, _ in "số dư" }
        }
    }

    @Test(
        "a tenant without the module gets what an unknown address gets, on pages and in the API; its navigation lacks the section; a module update applies at once"
    )
    func moduleGatesEverything() async throws {
        let distributor = try await PortalFixtures.tenant(modules: "lottery")
        let vendor = try await PortalFixtures.tenant(modules: "it")
        for tenant in [distributor, vendor] { try await PortalFixtures.staff(tenant, "hoa", role: .admin) }
        try await withPortal(features: PortalFeatures.all + [StandIn.self]) { client in
            func get(_ tenant: Tenant, _ path: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: "/t/\(tenant.slug)/\(path)", method: .get) { ($0.status, String(buffer: $0.body)) }
            }
            #expect(try await get(distributor, "staff/dai-ly") == (.ok, "trang đại lý"))
            #expect(try await get(distributor, "api/v1/lottery/me/summary") == (.ok, "số dư"))
            // The page: the same 404 page as an address nobody serves.
            let gatedPage = try await get(vendor, "staff/dai-ly")
            let unknownPage = try await get(vendor, "staff/khong-co")
            #expect(gatedPage.0 == .notFound && gatedPage == unknownPage)
            // The API: the same JSON error (which names the address asked for).
            let gatedAPI = try await get(vendor, "api/v1/lottery/me/summary")
            let unknownAPI = try await get(vendor, "api/v1/lottery/me/khong-co")
            #expect(gatedAPI.0 == .notFound && unknownAPI.0 == .notFound)
            #expect(gatedAPI.1 == unknownAPI.1.replacingOccurrences(of: "khong-co", with: "summary"))
            // The staff navigation shows the section to the tenant with the module only.
            for (tenant, shown) in [(distributor, true), (vendor, false)] {
                var staff = try await PageVisitor.signedIn(client, tenant, username: "hoa")
                let queues = try await staff.get("staff/")
                #expect(queues.text.contains("/t/\(tenant.slug)/staff/dai-ly") == shown)
            }
            // tenant update --modules: every server sees it at once.
            try await TestDatabase.asAdmin { admin in
                _ = try await TenantCatalog(database: admin).update(
                    vendor.slug,
                    TenantEdit(modules: "it,lottery"),
                    actor: "tests",
                    logger: TestDatabase.logger
                )
            }
            let api = APIClient(client: client, tenant: vendor)
            #expect(try await APIClient.eventually(.ok) { try await api.call(.get, "/lottery/me/summary") })
        }
    }

    @Test("every registered feature mounts once; the navigation lists each feature's sections in the features' order")
    func registry() {
        let navigation = PortalFeatures.navigation(of: PortalFeatures.all)
        #expect(navigation.sections == [.queues, .customers, .members, .workflows, .introduction, .serviceLevels, .password])
        #expect(Set(PortalFeatures.all.map { ObjectIdentifier($0) }).count == PortalFeatures.all.count)
    }
}
