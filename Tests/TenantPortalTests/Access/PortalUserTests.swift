import Foundation
import HTTPTypes
import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore
@testable import TenantPortal

/// Portal users (lottery agents, employees: E1, F1): made by an operator, signed in with a
/// username and password, ended on their last day, one username per account across staff too.
@Suite("Portal users")
struct PortalUserTests {
    @Test("a portal user signs in on the API and sees only the requests they filed")
    func signsIn() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.portalUser(tenant, "daily.an")
        try await PortalFixtures.portalUser(tenant, "daily.binh")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let an = try await api.staffSession("Daily.An")
            let me = try await api.call(.get, "/me", token: an)
            #expect(me.json["kind"] as? String == "portal_user")
            #expect(me.json["name"] as? String == "Đại lý daily.an")
            let code = try await api.file(token: an)
            #expect(try await api.call(.get, "/tickets/\(code)", token: an).status == .ok)
            let binh = try await api.staffSession("daily.binh")
            #expect(try await api.call(.get, "/tickets/\(code)", token: binh).status == .notFound)
            #expect(try await api.call(.post, "/tickets/\(code)/transitions", token: an, json: ["to": "in_progress"]).status == .forbidden)
        }
    }

    @Test("the account stops working from midnight of its end day in the tenant's zone: a past day refuses sign-in")
    func endDay() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.portalUser(tenant, "nv.cu", kind: "employee", endsOn: "2025-06-30")
        try await PortalFixtures.portalUser(tenant, "nv.moi", kind: "employee", endsOn: "2099-01-02")
        let activeUntil = try await TestDatabase.asAdmin { admin in
            try await admin.reading(tenant.scope, logger: TestDatabase.logger) { connection in
                try await connection.value(
                    "SELECT active_until FROM portal_users WHERE username = 'nv.moi'",
                    as: Date.self,
                    logger: TestDatabase.logger
                )
            }
        }
        // 2099-01-02 00:00 in Asia/Ho_Chi_Minh (UTC+7) is 2099-01-01 17:00 UTC.
        let midnight = try Date("2099-01-01T17:00:00Z", strategy: .iso8601)
        #expect(activeUntil == midnight)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let gone = try await api.call(.post, "/sessions", json: ["username": "nv.cu", "password": PortalFixtures.staffPassword])
            // With the right password, sign-in says the account has ended (F2), not that it is wrong.
            #expect(gone.status == .forbidden)
            #expect(gone.errorCode == "account_ended")
            #expect(
                try await api.call(.post, "/sessions", json: ["username": "nv.moi", "password": PortalFixtures.staffPassword]).status == .created
            )
        }
    }

    @Test("a bad kind, a bad end day, a bad username and a short password are refused before anything is stored")
    func badValues() async throws {
        await #expect(throws: Accounts.Failure.invalid(.notOneOf("customer", allowed: ["agent", "employee"]))) {
            try await Accounts.NewPortalUser(username: "an", displayName: nil, kind: "customer", endsOn: nil, password: PortalFixtures.staffPassword)
        }
        await #expect(throws: Accounts.Failure.invalid(.invalidDate("2026-02-30"))) {
            try await Accounts.NewPortalUser(
                username: "an",
                displayName: nil,
                kind: "agent",
                endsOn: "2026-02-30",
                password: PortalFixtures.staffPassword
            )
        }
        await #expect(throws: Accounts.Failure.invalidUsername("đại lý")) {
            try await Accounts.NewPortalUser(username: "Đại Lý", displayName: nil, kind: "agent", endsOn: nil, password: PortalFixtures.staffPassword)
        }
        await #expect(throws: Accounts.Failure.invalid(.passwordTooShort)) {
            try await Accounts.NewPortalUser(username: "an", displayName: nil, kind: "agent", endsOn: nil, password: "ngan")
        }
    }

    @Test("a username is one account's: a portal user cannot take a staff member's, nor a staff member a portal user's, even at the same moment")
    func oneUsername() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        await #expect(throws: Accounts.Failure.usernameTaken("hoa")) { try await PortalFixtures.portalUser(tenant, "hoa") }
        try await PortalFixtures.portalUser(tenant, "daily.an")
        await #expect(throws: Accounts.Failure.usernameTaken("daily.an")) { try await PortalFixtures.staff(tenant, "daily.an") }

        // The second account waits for the first's transaction, then sees its username: without the
        // lock it would look before the first commits, and both would be stored.
        let member = try await Accounts.NewStaffMember(
            username: "cung.ten",
            displayName: nil,
            role: .agent,
            team: "",
            password: PortalFixtures.staffPassword
        )
        let agent = try await Accounts.NewPortalUser(
            username: "cung.ten",
            displayName: nil,
            kind: "agent",
            endsOn: nil,
            password: PortalFixtures.staffPassword
        )
        let logger = TestDatabase.logger
        // The second starts once the first has stored its member, while the first's transaction
        // is still open: told, not guessed from a sleep (a busy machine ran them the other way).
        let (stored, storing) = AsyncStream<Void>.makeStream()
        try await TestDatabase.asAdmin { admin in
            async let first: Void = admin.withTenant(tenant.scope, logger: logger) { connection in
                try await member.add(on: connection, logger: logger)
                storing.yield()
                try await Task.sleep(for: .milliseconds(300))
            }
            for await _ in stored { break }
            await #expect(throws: Accounts.Failure.usernameTaken("cung.ten")) {
                try await admin.withTenant(tenant.scope, logger: logger) { try await agent.add(to: tenant, on: $0, logger: logger) }
            }
            try await first
        }
    }

    @Test("resetting a portal user's password ends their sessions; an unknown one is named")
    func reset() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.portalUser(tenant, "daily.an")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let session = try await api.staffSession("daily.an")
            try await TestDatabase.asAdmin { admin in
                let accounts = Accounts(database: admin)
                try await accounts.resetPassword(
                    of: .portalUser,
                    tenant: tenant,
                    username: "daily.an",
                    password: "mat-khau-cap-lai-1",
                    logger: TestDatabase.logger
                )
                await #expect(throws: Accounts.Failure.noPortalUser("ai.do")) {
                    try await accounts.resetPassword(
                        of: .portalUser,
                        tenant: tenant,
                        username: "ai.do",
                        password: "mat-khau-cap-lai-1",
                        logger: TestDatabase.logger
                    )
                }
                await #expect(throws: Accounts.Failure.noStaff("daily.an")) {
                    try await accounts.resetPassword(
                        of: .staff,
                        tenant: tenant,
                        username: "daily.an",
                        password: "mat-khau-cap-lai-1",
                        logger: TestDatabase.logger
                    )
                }
            }
            #expect(try await APIClient.eventually(.unauthorized) { try await api.call(.get, "/me", token: session) })
            #expect(try await api.staffSession("daily.an", password: "mat-khau-cap-lai-1").hasPrefix("tp_"))
        }
    }
}
