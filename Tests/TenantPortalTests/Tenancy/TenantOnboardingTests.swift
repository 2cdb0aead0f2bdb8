import HTTPTypes
import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore
@testable import TenantPortal

@Suite("A new tenant: its modules' workflows and its first staff admin")
struct TenantOnboardingTests {
    func ticketTypes(_ admin: Database, _ tenant: Tenant) async throws -> [String] {
        try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
            try await WorkflowStore().ticketTypes(on: connection, logger: TestDatabase.logger).sorted()
        }
    }

    @Test("a new tenant gets its modules' workflows plus complaints and feedback")
    func onCreation() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "repair,care")
        let types = try await TestDatabase.asAdmin { admin in try await ticketTypes(admin, tenant) }
        #expect(types == ["complaint", "feedback", "repair_order"])
    }

    @Test("a tenant made before the workflows existed gets the missing ones, once")
    func topUp() async throws {
        try await TestDatabase.asAdmin { admin in
            let tenant = try await TestDatabase.createTenant(admin)
            #expect(try await ticketTypes(admin, tenant).isEmpty)
            for _ in 0..<2 {
                try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await TenantOnboarding.installMissingWorkflows(modules: tenant.modules, on: connection, logger: TestDatabase.logger)
                }
            }
            #expect(try await ticketTypes(admin, tenant) == ["complaint", "feedback", "support"])
        }
    }

    @Test("a tenant made with a first admin: the admin signs in to the staff workspace with that password")
    func firstAdmin() async throws {
        let new = try NewTenant(slug: TestDatabase.uniqueSlug(), displayName: "Gara Ô tô Minh Khang", modules: "repair")
        let admin = try await Accounts.NewStaffMember(
            username: "Lan.Nguyen",
            displayName: "Nguyễn Thị Lan",
            role: .admin,
            team: "",
            password: PortalFixtures.staffPassword
        )
        #expect(admin.username == "lan.nguyen")
        let tenant = try await TestDatabase.asAdmin { database in
            try await TenantOnboarding(provisioner: TestDatabase.provisioner(database)).create(
                new,
                firstAdmin: .withPassword(admin),
                actor: "tests",
                logger: TestDatabase.logger
            )
        }
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let me = try await api.call(.get, "/me", token: try await api.staffSession("lan.nguyen"))
            #expect(me.json["role"] as? String == "admin")
            #expect(me.json["name"] as? String == "Nguyễn Thị Lan")
            #expect(try await api.call(.post, "/sessions", json: ["username": "lan.nguyen", "password": "sai-mat-khau-1"]).status == .unauthorized)
        }
    }

    @Test("a tenant made with an invited first admin: the invitation mail, in the tenant's language, waits in its outbox")
    func invitedFirstAdmin() async throws {
        let new = try NewTenant(slug: TestDatabase.uniqueSlug(), displayName: "Minh Khang Garage", modules: "repair", locale: "en")
        let invitation = try await StaffInvitation(
            username: "khang",
            displayName: "Lê Minh Khang",
            role: .admin,
            team: "",
            email: "khang@minhkhang.vn",
            slug: new.slug,
            tenantName: new.displayName,
            locale: new.locale,
            writer: try InvitationMail(links: testLinks)
        )
        let tenant = try await TestDatabase.asAdmin { database in
            try await TenantOnboarding(provisioner: TestDatabase.provisioner(database))
                .create(new, firstAdmin: .invited(invitation), actor: "tests", logger: TestDatabase.logger)
        }
        let mails = try await InvitationTests.mails(tenant)
        #expect(mails.map(\.0) == ["khang@minhkhang.vn"])
        #expect(mails.first?.1 == "[Minh Khang Garage] Your invitation to the staff workspace")
        #expect(mails.first?.2.contains("Role: Administrator") == true)
        try await withPortal { client in
            var visitor = PageVisitor(client: client, tenant: tenant)
            let form = try await visitor.get("staff/invitation?k=\(InvitationTests.key(invitation))")
            #expect(form.text.contains("Your username is khang."))
        }
    }

    @Test(
        "tenant update: a module gained brings its workflows, one lost keeps them; the name and zone change and are audited; a bad zone changes nothing"
    )
    func update() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "it")
        try await TestDatabase.asAdmin { admin in
            let catalog = TenantCatalog(database: admin)
            let logger = TestDatabase.logger
            let grown = try await TenantOnboarding.update(
                tenant.slug,
                try TenantEdit(displayName: "  An Phát ERP ", modules: "it,repair", timeZone: "Asia/Bangkok"),
                in: catalog,
                actor: "tests",
                logger: logger
            )
            #expect(grown.displayName == "An Phát ERP")
            #expect(grown.modules == [.it, .repair])
            #expect(grown.timeZone == "Asia/Bangkok")
            #expect(grown.locale == tenant.locale)
            #expect(try await ticketTypes(admin, tenant) == ["complaint", "feedback", "repair_order", "support"])
            let shrunk = try await TenantOnboarding.update(
                tenant.slug,
                try TenantEdit(modules: "repair"),
                in: catalog,
                actor: "tests",
                logger: logger
            )
            #expect(shrunk.modules == [.repair])
            #expect(try await ticketTypes(admin, tenant) == ["complaint", "feedback", "repair_order", "support"])
            #expect(throws: TenantError.invalidTimeZone("ICT")) { try TenantEdit(timeZone: "ICT") }
            #expect(throws: TenantError.unknownModule("ve-so")) { try TenantEdit(modules: "repair,ve-so") }
            #expect(try await catalog.find(tenant.slug, logger: logger)?.timeZone == "Asia/Bangkok")
            let actions = try await admin.reading(tenant.scope, logger: logger) { connection in
                try await connection.rows("SELECT action FROM audit_events ORDER BY id", as: String.self, logger: logger)
            }
            #expect(actions.suffix(2) == ["tenant.updated", "tenant.updated"])
            await #expect(throws: TenantError.notFound("khong-co")) {
                try await TenantOnboarding.update(
                    try TenantSlug("khong-co"),
                    try TenantEdit(locale: "en"),
                    in: catalog,
                    actor: "tests",
                    logger: logger
                )
            }
        }
    }

    @Test("a bad first admin is refused before anything is made, naming what is wrong")
    func badFirstAdmin() async throws {
        await #expect(throws: Accounts.Failure.invalidUsername("lan nguyen")) {
            try await Accounts.NewStaffMember(
                username: "Lan Nguyen",
                displayName: nil,
                role: .admin,
                team: "",
                password: PortalFixtures.staffPassword
            )
        }
        await #expect(throws: Accounts.Failure.invalid(.passwordTooShort)) {
            try await Accounts.NewStaffMember(username: "lan", displayName: nil, role: .admin, team: "", password: "ngan")
        }
    }
}
