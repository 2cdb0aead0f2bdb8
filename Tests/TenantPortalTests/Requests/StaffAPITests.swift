import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

@Suite("Staff handling tickets through the API")
struct StaffAPITests {
    @Test("staff move a ticket only along its workflow; every change lands on the timeline")
    func transitions() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "binh")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: customer)
            let staff = try await api.staffSession("binh")
            let skip = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "resolved"])
            #expect(skip.status == .conflict)
            #expect(skip.errorCode == "transition_not_allowed")
            let moved = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "in_progress", "note": "Đang kiểm tra"])
            #expect(moved.status == .ok)
            #expect((moved.json["stage"] as? [String: Any])?["key"] as? String == "in_progress")
            let assigned = try await api.call(.post, "/tickets/\(code)/assignment", token: staff, json: ["assignee": "binh"])
            #expect(assigned.json["assignee"] as? String == "Trần Văn binh")
            let timeline = try await api.call(.get, "/tickets/\(code)", token: customer).json["timeline"] as? [[String: Any]] ?? []
            #expect(timeline.map { $0["kind"] as? String } == ["created", "transition", "assignment"])
            #expect(try await api.call(.post, "/tickets/\(code)/transitions", token: customer, json: ["to": "resolved"]).status == .forbidden)
        }
    }

    @Test("two staff acting on the same version: the second gets 409 and nothing is lost")
    func staleVersion() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "chi")
        try await PortalFixtures.staff(tenant, "dung")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: customer)
            let version = try await api.call(.get, "/tickets/\(code)", token: customer).json["version"] as? Int ?? 0
            let chi = try await api.staffSession("chi")
            let dung = try await api.staffSession("dung")
            let first = try await api.call(.post, "/tickets/\(code)/assignment", token: chi, json: ["assignee": "chi", "version": version])
            let second = try await api.call(.post, "/tickets/\(code)/assignment", token: dung, json: ["assignee": "dung", "version": version])
            #expect(first.status == .ok)
            #expect(second.status == .conflict)
            #expect(second.errorCode == "conflict")
            let now = try await api.call(.get, "/tickets/\(code)", token: chi)
            #expect(now.json["assignee"] as? String == "Trần Văn chi")
        }
    }

    @Test("internal notes stay with staff; public notes and customer messages form the conversation")
    func conversation() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "em")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: customer)
            let staff = try await api.staffSession("em")
            _ = try await api.call(.post, "/tickets/\(code)/notes", token: staff, json: ["text": "Khách hàng VIP", "public": false])
            _ = try await api.call(.post, "/tickets/\(code)/notes", token: staff, json: ["text": "Chúng tôi đang xử lý.", "public": true])
            let message = try await api.call(.post, "/tickets/\(code)/messages", token: customer, json: ["text": "Cảm ơn anh chị!"])
            #expect(message.status == .created)
            let seenByCustomer = (message.json["timeline"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(seenByCustomer.contains("Chúng tôi đang xử lý."))
            #expect(seenByCustomer.contains("Cảm ơn anh chị!"))
            #expect(!seenByCustomer.contains("Khách hàng VIP"))
            let seenByStaff = (try await api.call(.get, "/tickets/\(code)", token: staff).json["timeline"] as? [[String: Any]] ?? [])
                .compactMap { $0["text"] as? String }
            #expect(seenByStaff.contains("Khách hàng VIP"))
            _ = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "cancelled"])
            let closed = try await api.call(.post, "/tickets/\(code)/messages", token: customer, json: ["text": "Còn nữa"])
            #expect(closed.status == .conflict)
            #expect(closed.errorCode == "ticket_closed")
        }
    }

    @Test("the list pages by cursor without repeats and filters by status and contact")
    func listing() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "giang")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            var codes: [String] = []
            for index in 0..<5 {
                codes.append(try await api.file(token: customer, email: "nguoi\(index)@anphat.vn", phone: "09111111\(10 + index)"))
            }
            var seen: [String] = []
            var cursor: String?
            for _ in 0..<5 {
                let page = try await api.call(.get, "/tickets?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: customer)
                seen += (page.json["tickets"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                cursor = page.json["next_cursor"] as? String
                if cursor == nil { break }
            }
            #expect(seen == codes.reversed())
            let staff = try await api.staffSession("giang")
            _ = try await api.call(.post, "/tickets/\(codes[0])/transitions", token: staff, json: ["to": "in_progress"])
            let inProgress = try await api.call(.get, "/tickets?status=in_progress", token: customer)
            #expect((inProgress.json["tickets"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == [codes[0]])
            let byContact = try await api.call(.get, "/tickets?contact=nguoi3%40", token: customer)
            #expect((byContact.json["tickets"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == [codes[3]])
            let badDate = try await api.call(.get, "/tickets?from=2026-02-30", token: customer)
            #expect(badDate.errorField == "from")
        }
    }

    @Test("repeated failed sign-ins for one username get 429 with Retry-After")
    func throttling() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            for _ in 0..<5 {
                #expect(try await api.call(.post, "/sessions", json: ["username": "hoa", "password": "sai-mat-khau"]).status == .unauthorized)
            }
            let blocked = try await api.call(.post, "/sessions", json: ["username": "hoa", "password": PortalFixtures.staffPassword])
            #expect(blocked.status == .tooManyRequests)
            #expect(Int(blocked.headers[.retryAfter] ?? "") ?? 0 > 0)
        }
    }

    @Test("guesses sent at once count one after another: five are checked, the rest get 429")
    func throttlingAtOnce() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<12 {
                    group.addTask { try await api.call(.post, "/sessions", json: ["username": "hoa", "password": "doan-\(index)"]).status.code }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count == 5)
            #expect(statuses.filter { $0 == 429 }.count == 7)
        }
    }

    @Test("behind a trusted proxy, failures count per client the proxy names; without one, the header is not believed")
    func throttlingBehindProxy() async throws {
        let tenant = try await PortalFixtures.tenant()
        for trusted in [true, false] {
            let proxies = try TrustedProxies(trusted ? "127.0.0.1" : "")
            try await withPortal(trustedProxies: proxies, mode: .live) { client in
                func signIn(_ username: String, from address: String) async throws -> HTTPResponse.Status {
                    try await client.execute(
                        uri: "/t/\(tenant.slug)/api/v1/sessions",
                        method: .post,
                        headers: [.contentType: "application/json", .forwardedFor: address],
                        body: ByteBuffer(string: #"{"username":"\#(username)","password":"sai-mat-khau"}"#)
                    ) { $0.status }
                }
                // One username from one client, until that pair is locked out.
                for _ in 1...SignInLimit.maxFailures {
                    let status = try await signIn("khach-\(trusted)", from: "203.0.113.7")
                    #expect(status == .unauthorized)
                }
                #expect(try await signIn("khach-\(trusted)", from: "203.0.113.7") == .tooManyRequests)
                // Another client behind the same proxy: its own count when the proxy is trusted, the
                // proxy's (all used up) when it is not.
                #expect(try await signIn("khach-\(trusted)", from: "203.0.113.8") == (trusted ? .unauthorized : .tooManyRequests))
            }
        }
    }

    @Test("signing in to one's own account does not wipe the guesses made from one's address")
    func throttlingByAddress() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            func guess(_ username: String) async throws -> HTTPResponse.Status {
                try await api.call(.post, "/sessions", json: ["username": username, "password": "sai-mat-khau"]).status
            }
            for index in 1..<SignInLimit.maxAddressFailures {
                let status = try await guess("khach\(index)")
                #expect(status == .unauthorized)
            }
            #expect(try await api.call(.post, "/sessions", json: ["username": "hoa", "password": PortalFixtures.staffPassword]).status == .created)
            #expect(try await guess("khach-last") == .unauthorized)
            #expect(
                try await api.call(.post, "/sessions", json: ["username": "hoa", "password": PortalFixtures.staffPassword]).status == .tooManyRequests
            )
        }
    }
}
