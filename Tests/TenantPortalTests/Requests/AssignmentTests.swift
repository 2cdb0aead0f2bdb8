import Foundation
import HTTPTypes
import PGStore
import PortalTestSupport
import PostgresNIO
import Testing

@testable import TenantPortal

/// Who picks up a new ticket (PRODUCT.md B11): the customer's account manager, else the team that
/// takes the ticket's type, in turns that stay fair when tickets arrive at once.
@Suite("Assignment")
struct AssignmentTests {
    @Test("thirty tickets filed at once go round a team of three: ten each, each with its assignment in the timeline")
    func fairRoundRobin() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        for name in ["an", "binh", "chi"] { try await PortalFixtures.staff(tenant, name) }
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let admin = try await api.staffSession("lan")
            // PortalFixtures puts every staff member in team "ho-tro"; the admin works elsewhere.
            try await TestDatabase.asAdmin { database in
                try await database.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.query("UPDATE staff_members SET team = 'quan-tri' WHERE username = 'lan'", logger: TestDatabase.logger)
                }
            }
            let teams = try await api.call(
                .put,
                "/settings/teams",
                token: admin,
                json: ["teams": [["name": "ho-tro", "lead": "an", "ticket_types": ["support"]]]]
            )
            #expect(teams.status == .ok)
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for number in 1...30 {
                    group.addTask { try await api.file(token: token, title: "Yêu cầu \(number)") }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            var counts: [String: Int] = [:]
            for code in codes {
                let ticket = try await api.call(.get, "/tickets/\(code)", token: admin)
                let assignee = try #require(ticket.json["assignee"] as? String)
                counts[assignee, default: 0] += 1
                let timeline = ticket.json["timeline"] as? [[String: Any]] ?? []
                #expect(timeline.contains { $0["kind"] as? String == "assignment" && $0["text"] as? String == assignee })
            }
            #expect(counts == ["Trần Văn an": 10, "Trần Văn binh": 10, "Trần Văn chi": 10])
        }
    }

    @Test("a customer's account manager gets its tickets; bad team settings are refused and change nothing")
    func accountManagerAndSettings() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant, customer: "Công ty Bia Sài Gòn")
        try await PortalFixtures.staff(tenant, "an")
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await TestDatabase.asAdmin { admin in
            try await Accounts(database: admin).setAccountManager(
                tenant: tenant,
                customer: "Công ty Bia Sài Gòn",
                username: "lan",
                logger: TestDatabase.logger
            )
            await #expect(throws: Accounts.Failure.noStaff("ai-do")) {
                try await Accounts(database: admin).setAccountManager(
                    tenant: tenant,
                    customer: "Công ty Bia Sài Gòn",
                    username: "ai-do",
                    logger: TestDatabase.logger
                )
            }
        }
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let admin = try await api.staffSession("lan")
            _ = try await api.call(.put, "/settings/teams", token: admin, json: ["teams": [["name": "ho-tro", "ticket_types": ["support"]]]])
            let code = try await api.file(token: token)
            #expect(try await api.call(.get, "/tickets/\(code)", token: admin).json["assignee"] as? String == "Trần Văn lan")
            let refusals: [([String: Any], String)] = [
                (["teams": [["name": "a", "ticket_types": ["khong-co"]]]], "khong-co"),
                (["teams": [["name": "a", "lead": "ai-do"]]], "ai-do"),
                (["teams": [["name": "a"], ["name": "a"]]], "twice"),
            ]
            for (body, said) in refusals {
                let reply = try await api.call(.put, "/settings/teams", token: admin, json: body, headers: [.acceptLanguage: "en"])
                #expect(reply.status == .unprocessableContent)
                #expect(reply.errorField == "teams")
                #expect(reply.errorMessage.contains(said), "\(reply.errorMessage)")
            }
            let teams = try await api.call(.get, "/settings/teams", token: admin)
            #expect((teams.json["teams"] as? [[String: Any]])?.map { $0["name"] as? String } == ["ho-tro"])
        }
    }
}
