import Foundation
import HTTPTypes
import PGStore
import PortalTestSupport
import Testing

/// I4 behind a transaction pooler: PgBouncer (`pool_mode = transaction`) hands each transaction, or
/// each statement outside one, to whichever server session is free. A tenant scope left on a server
/// session would then serve another tenant's request; every answer here is checked against the
/// tenant it was asked of.
@Suite("Tenant isolation through PgBouncer")
struct PoolerIsolationTests {
    /// What one tenant's callers hold: its customer token and staff session, and its tickets' codes.
    struct Caller: Sendable {
        let api: [APIClient]
        let slug: String
        let customer: String
        let staff: String
        let codes: [String]
    }

    @Test("two instances through PgBouncer, three tenants with the same codes, 16 clients: every answer is the asked tenant's")
    func everyAnswerIsTheAskedTenants() async throws {
        var tenants: [(tenant: Tenant, token: String)] = []
        for _ in 0..<3 {
            let tenant = try await PortalFixtures.tenant()
            try await PortalFixtures.staff(tenant, "nhanvien")
            tenants.append((tenant, try await PortalFixtures.token(tenant, customer: "Khách của \(tenant.slug)")))
        }
        // Each tenant files the same codes, titled with its own slug (straight to PostgreSQL).
        let filed = try await withPortal { [tenants] client in
            var filed: [String: [String]] = [:]
            for (tenant, token) in tenants {
                let api = APIClient(client: client, tenant: tenant)
                var codes: [String] = []
                for index in 0..<4 { codes.append(try await api.file(token: token, title: "Yêu cầu \(index) của \(tenant.slug)")) }
                filed[tenant.slug.value] = codes
            }
            return filed
        }
        #expect(Set(filed.values).count == 1)
        let pooler = try TestDatabase.poolerURL()
        let problems = try await withPortal(database: pooler) { [tenants] first in
            try await withPortal(database: pooler) { second in
                var callers: [Caller] = []
                for (tenant, token) in tenants {
                    let apis = [first, second].map { APIClient(client: $0, tenant: tenant) }
                    callers.append(
                        Caller(
                            api: apis,
                            slug: tenant.slug.value,
                            customer: token,
                            staff: try await apis[0].staffSession("nhanvien"),
                            codes: filed[tenant.slug.value] ?? []
                        )
                    )
                }
                let everyone = callers
                return try await withThrowingTaskGroup(of: [String].self) { group in
                    for client in 0..<16 {
                        group.addTask { try await Self.roam(everyone, client: client, requests: 24) }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) answers were wrong, e.g. \(problems.prefix(5))")
    }

    /// `requests` calls of one client, each for a tenant and an instance picked in turn: reads of the
    /// list, a code, one ticket and who am I, and a filing; what is wrong with each answer.
    static func roam(_ callers: [Caller], client: Int, requests: Int) async throws -> [String] {
        var problems: [String] = []
        for request in 0..<requests {
            let caller = callers[(client + request) % callers.count]
            let api = caller.api[(client / 3 + request) % caller.api.count]
            let code = caller.codes[request % caller.codes.count]
            let (path, method, token): (String, HTTPRequest.Method, String) =
                switch (client + request) % 6 {
                case 0: ("/tickets", .get, caller.staff)
                case 1: ("/tickets?code=\(code)", .get, caller.customer)
                case 2: ("/tickets/\(code)", .get, caller.customer)
                case 3: ("/tickets/\(code)", .get, caller.staff)
                case 4: ("/me", .get, caller.customer)
                default: ("/tickets", .post, caller.customer)
                }
            let reply =
                method == .post
                ? try await api.call(.post, path, token: token, json: APIClient.request(title: "Mới của \(caller.slug)"))
                : try await api.call(.get, path, token: token)
            let expected: HTTPResponse.Status = method == .post ? .created : .ok
            guard reply.status == expected else {
                problems.append("\(method) \(path) for \(caller.slug): \(reply.status.code) \(reply.errorMessage)")
                continue
            }
            // Every title, name and customer in the answer must carry the asked tenant's slug.
            let text = String(decoding: reply.body, as: UTF8.self)
            let mentioned = callers.map(\.slug).filter { text.contains($0) }
            if mentioned != [caller.slug] {
                problems.append("\(method) \(path) for \(caller.slug) mentioned \(mentioned)")
            }
        }
        return problems
    }
}
