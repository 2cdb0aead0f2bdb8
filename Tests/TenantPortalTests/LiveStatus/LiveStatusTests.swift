import Foundation
import HTTPTypes
import HummingbirdTesting
import PortalTestSupport
import Testing

@testable import PGStore
@testable import TenantPortal

/// Live status over Server-Sent Events, fed by LISTEN/NOTIFY (PRODUCT.md B15), on real listening
/// servers.
@Suite("Live ticket status")
struct LiveStatusTests {
    @Test("a stage change made through one instance reaches a stream open on another, without a reload")
    func acrossInstances() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal(mode: .live) { first in
            try await withPortal(mode: .live) { second in
                let api = APIClient(client: first, tenant: tenant)
                let code = try await api.file(token: token)
                let port = try #require(second.port)
                let stream = try EventStreamReader(
                    port: port,
                    path: "/t/\(tenant.slug)/api/v1/tickets/\(code)/events?lang=en",
                    headers: ["Authorization": "Bearer \(token)"]
                )
                let opened = await stream.read(until: { $0.contains(": \(code)") })
                #expect(opened.contains("text/event-stream"))
                let staff = try await api.staffSession("hoa")
                let moved = try await api.call(
                    .post,
                    "/tickets/\(code)/transitions",
                    token: staff,
                    json: ["to": "in_progress", "note": "Đang kiểm tra"]
                )
                #expect(moved.status == .ok)
                let live = await stream.read(until: { $0.contains("event: timeline") && $0.contains("\n\n", after: "event: timeline") })
                #expect(live.contains("\"kind\":\"transition\""))
                #expect(live.contains("\"stage\":{\"key\":\"in_progress\",\"name\":\"In progress\""))
                #expect(live.contains("Đang kiểm tra"))
            }
        }
    }

    @Test("a stream resumed with Last-Event-ID gets what it missed; another customer's ticket is not found")
    func resumeAndAccess() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        let stranger = try await PortalFixtures.token(tenant, customer: "Công ty Khác")
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal(mode: .live) { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            let port = try #require(client.port)
            let staff = try await api.staffSession("hoa")
            let seen = try await api.call(.get, "/tickets/\(code)", token: staff)
            _ = try await api.call(.post, "/tickets/\(code)/notes", token: staff, json: ["text": "Ghi chú nội bộ", "public": false])
            _ = try await api.call(.post, "/tickets/\(code)/notes", token: staff, json: ["text": "Chúng tôi đang xử lý", "public": true])
            // The customer was last told about entry `lastID`; it reconnects after two more happened.
            let lastID = try await TestDatabase.asAdmin { admin in
                try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await TicketStore().record(code: code, publicOnly: true, on: connection, logger: TestDatabase.logger)?.timeline.first?.id
                }
            }
            #expect((seen.json["timeline"] as? [Any])?.count == 1)
            let stream = try EventStreamReader(
                port: port,
                path: "/t/\(tenant.slug)/api/v1/tickets/\(code)/events",
                headers: ["Authorization": "Bearer \(token)", "Last-Event-ID": "\(try #require(lastID))"]
            )
            let missed = await stream.read(until: { $0.contains("Chúng tôi đang xử lý") })
            #expect(missed.contains("Chúng tôi đang xử lý"))
            #expect(!missed.contains("Ghi chú nội bộ"))
            let other = try await api.call(.get, "/tickets/\(code)/events", token: stranger)
            #expect(other.status == .notFound)
        }
    }

    @Test("a stream goes on through a new display name or warranty date, and ends on another account, role or team")
    func streamHolder() {
        let agent = StaffMember(id: 7, username: "hoa", displayName: "Hoa", role: .agent, team: "ho-tro")
        var renamed = agent
        renamed.displayName = "Trần Thị Hoa"
        var promoted = agent
        promoted.role = .admin
        var moved = agent
        moved.team = "ke-toan"
        #expect(TicketController.mayGoOn(.staff(agent), .staff(renamed)))
        #expect(!TicketController.mayGoOn(.staff(agent), .staff(promoted)))
        #expect(!TicketController.mayGoOn(.staff(agent), .staff(moved)))
        #expect(!TicketController.mayGoOn(.staff(agent), nil))
        let customer = Customer(id: 7, code: "KH0007", name: "Công ty A", warrantyUntil: nil)
        #expect(
            TicketController.mayGoOn(.customer(customer), .customer(Customer(id: 7, code: "KH0007", name: "Công ty A mới", warrantyUntil: Date())))
        )
        #expect(!TicketController.mayGoOn(.customer(customer), .staff(agent)))
    }

    @Test("a stream ends when its session is signed out: nothing more reaches it")
    func endsOnSignOut() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal(mode: .live) { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            let watcher = try await api.staffSession("hoa")
            let stream = try EventStreamReader(
                port: try #require(client.port),
                path: "/t/\(tenant.slug)/api/v1/tickets/\(code)/events",
                headers: ["Authorization": "Bearer \(watcher)"]
            )
            #expect(await stream.read(until: { $0.contains(": \(code)") }).contains("text/event-stream"))
            #expect(try await api.call(.delete, "/sessions/current", token: watcher).status == .noContent)
            let other = try await api.staffSession("hoa")
            #expect(
                try await api.call(.post, "/tickets/\(code)/notes", token: other, json: ["text": "Sau khi đăng xuất", "public": false]).status
                    == .created
            )
            let after = await stream.read(until: { $0.contains("\r\n0\r\n\r\n") || $0.contains("Sau khi đăng xuất") }, timeout: .seconds(5))
            #expect(!after.contains("Sau khi đăng xuất"))
            #expect(after.contains("\r\n0\r\n\r\n"))
        }
    }

    @Test("a move out of a hidden stage reaches a customer's stream from the stage the customer was shown")
    func hiddenStageLive() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal(mode: .live) { client in
            let api = APIClient(client: client, tenant: tenant)
            var complaint = APIClient.request(title: "Giao hàng trễ hẹn")
            complaint["type"] = "complaint"
            let code = try #require(try await api.call(.post, "/tickets", token: token, json: complaint).json["code"] as? String)
            let staff = try await api.staffSession("hoa")
            try await api.move(code, staff: staff, through: ["investigating", "escalated"])
            let stream = try EventStreamReader(
                port: try #require(client.port),
                path: "/t/\(tenant.slug)/api/v1/tickets/\(code)/events?lang=en",
                headers: ["Authorization": "Bearer \(token)"]
            )
            await stream.read(until: { $0.contains(": \(code)") })
            try await api.move(code, staff: staff, through: ["investigating"])
            let live = await stream.read(until: { $0.contains("event: timeline") && $0.contains("\n\n", after: "event: timeline") })
            #expect(live.contains("\"from\":{\"key\":\"investigating\",\"name\":\"Investigating\""))
            #expect(!live.contains("escalated") && !live.contains("Escalated"))
        }
    }
}

extension String {
    /// Whether `needle` occurs after the first `marker`.
    func contains(_ needle: String, after marker: String) -> Bool {
        guard let start = range(of: marker)?.upperBound else { return false }
        return self[start...].contains(needle)
    }
}
