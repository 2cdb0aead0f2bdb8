import Foundation
import HTTPTypes
import HummingbirdTesting
import PortalTestSupport
import Testing

@testable import PGStore
@testable import TenantPortal

/// The staff's live ticket table (issue 18): every ticket of the tenant filed or changed, as one
/// stream, on real listening servers.
@Suite("Live ticket changes for staff")
struct TicketChangesTests {
    @Test("a ticket filed through one instance and a change to another reach the staff's stream on another; customers may not open it")
    func acrossInstances() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal(mode: .live) { first in
            try await withPortal(mode: .live) { second in
                let api = APIClient(client: first, tenant: tenant)
                let earlier = try await api.file(token: token, title: "Có từ trước")
                let staff = try await api.staffSession("hoa")
                let port = try #require(second.port)
                let stream = try EventStreamReader(
                    port: port,
                    path: "/t/\(tenant.slug)/api/v1/tickets/changes",
                    headers: ["Authorization": "Bearer \(staff)"]
                )
                #expect(await stream.read(until: { $0.contains(": changes") }).contains("text/event-stream"))
                let filed = try await api.file(token: token, title: "Mới nộp")
                let news = await stream.read(until: { $0.contains("\"code\":\"\(filed)\"") })
                #expect(news.contains("event: ticket\ndata: {\"code\":\"\(filed)\",\"new\":true"))
                _ = try await api.call(.post, "/tickets/\(earlier)/notes", token: staff, json: ["text": "Xem lại"])
                let change = await stream.read(until: { $0.contains("\"code\":\"\(earlier)\"") })
                #expect(change.contains("{\"code\":\"\(earlier)\",\"new\":false"))
                #expect(try await api.call(.get, "/tickets/changes", token: token).status == .forbidden)
                #expect(try await api.call(.get, "/tickets/changes?since=-1", token: staff).errorField == "since")
            }
        }
    }
}
