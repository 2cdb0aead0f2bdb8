import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The feature seam: a module's feature registers its pages, API routes and navigation, and every
/// one of them answers only for tenants that have its module.
@Suite("Features and their modules")
struct FeatureSeamTests {
    /// A module's feature as a vertical would register it: a portal page, a workspace page with
    /// its staff section, an API route.
    struct StandIn: PortalFeature {
        static let module: PortalModule? = .lottery
        static let staffSections = [StaffSection(path: "stand-in-desk", name: Sentence(vi: "Đại lý", en: "Agents"))]

        init(kit: FeatureKit) {}

        func addPages(to portal: RouterGroup<TenantRequestContext>) {
            portal.get("stand-in-page") { _, _ in "công nợ" }
        }

        func addStaffPages(to staff: RouterGroup<StaffRequestContext>) {
            staff.get("stand-in-desk") { _, context in
                guard case .staff(let member) = context.member else { return "" }
                return "sổ đại lý của \(member.username)"
            }
        }

        func addAPI(to api: RouterGroup<TenantRequestContext>) {
            api.get("stand-in/summary") { _, _ in "số dư" }
        }

        func customerSection(
            for customer: CustomerAccount,
            member: Principal,
            tenant: Tenant,
            language: Language,
            logger: Logger
        ) async throws
            -> CustomerSection?
        {
            CustomerSection(heading: "Công nợ của \(customer.code)", lines: ["Còn nợ \(MoneyText.vnd(1_250_000, language))"])
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
            #expect(try await get(distributor, "stand-in-page") == (.ok, "công nợ"))
            #expect(try await get(distributor, "api/v1/stand-in/summary") == (.ok, "số dư"))
            // The workspace page sends a visitor to the staff sign-in, and shows a member their own.
            #expect(try await get(distributor, "staff/stand-in-desk").0 == .seeOther)
            var member = try await PageVisitor.signedIn(client, distributor, username: "hoa")
            #expect(try await member.get("staff/stand-in-desk").text == "sổ đại lý của hoa")
            // The pages: the same 404 page as an address nobody serves, before any sign-in check.
            for path in ["stand-in-page", "staff/stand-in-desk"] {
                let gatedPage = try await get(vendor, path)
                let unknownPage = try await get(vendor, path + "-khong-co")
                #expect(gatedPage.0 == .notFound && gatedPage == unknownPage)
            }
            // The API: the same JSON error (which names the address asked for).
            let gatedAPI = try await get(vendor, "api/v1/stand-in/summary")
            let unknownAPI = try await get(vendor, "api/v1/stand-in/khong-co")
            #expect(gatedAPI.0 == .notFound && unknownAPI.0 == .notFound)
            #expect(gatedAPI.1 == unknownAPI.1.replacingOccurrences(of: "khong-co", with: "summary"))
            // The customer's page shows the module's section to the tenant with the module only.
            for (tenant, shown) in [(distributor, true), (vendor, false)] {
                _ = try await PortalFixtures.token(tenant)
                var staff = try await PageVisitor.signedIn(client, tenant, username: "hoa")
                let page = try await staff.get("staff/customers/KH0001")
                #expect(page.status == .ok)
                #expect(page.text.contains("<h2>Công nợ của KH0001</h2><ul><li>Còn nợ 1.250.000 ₫</li>") == shown)
            }
            // The staff navigation shows the section to the tenant with the module only.
            for (tenant, shown) in [(distributor, true), (vendor, false)] {
                var staff = try await PageVisitor.signedIn(client, tenant, username: "hoa")
                let queues = try await staff.get("staff/")
                #expect(queues.text.contains("/t/\(tenant.slug)/staff/stand-in-desk") == shown)
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
            #expect(try await APIClient.eventually(.ok) { try await api.call(.get, "/stand-in/summary") })
        }
    }

    @Test("every registered feature mounts once; the navigation lists each feature's sections in the features' order")
    func registry() {
        let navigation = PortalFeatures.navigation(of: PortalFeatures.all)
        #expect(
            navigation.sections == [
                .queues, .tickets, .customers, .members, .workflows, .introduction, .serviceLevels, .lotteryAgents, .lotteryImports, .lotteryPeriods,
                .password,
            ]
        )
        #expect(Set(PortalFeatures.all.map { ObjectIdentifier($0) }).count == PortalFeatures.all.count)
    }
}
