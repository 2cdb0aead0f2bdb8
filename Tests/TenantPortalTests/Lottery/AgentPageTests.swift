import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LotterySettlement
import PGStore
import PortalTestSupport
import ServiceLevels
import Testing

@testable import TenantPortal

/// The agent's own page on the portal (E9): their figures as `1.250.000 ₫`, the warning, and
/// statements answered from the page.
@Suite("The lottery agent's page")
struct AgentPageTests {
    @Test("an agent sees their own figures in đồng, and disputes a statement from the page; another agent sees none of it")
    func page() async throws {
        let tenant = try await LedgerImportTests.distributor()
        let lastWeek = DebtPeriod(containing: tenant.today().adding(days: -7), kind: .week)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let rows = [
                "G1,allocation,DL001,\(lastWeek.start),XSMN-TN,250,,,,", "G2,winning_ticket,DL001,\(lastWeek.start),XSMN-TN,,,500000,012345,Giải tám",
            ]
            _ = try await api.send(.post, "/lottery/imports", token: staff, data: LedgerImportTests.file(rows), contentType: "text/csv")
            _ = try await api.call(.post, "/lottery/periods/\(lastWeek)/closing", token: staff)
            var agent = try await PageVisitor.signedIn(client, tenant, username: "dl001", password: "mat-khau-dai-ly-1")
            let page = try await agent.get("lottery")
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            // 250 x 10,000 less 10% = 2,250,000 against 2,000,000 of collateral: over the limit.
            #expect(html.contains("2.250.000 ₫"))
            #expect(html.contains("112%"))
            #expect(html.contains("tạm ngừng nhận vé mới"))
            #expect(html.contains("Vé trúng 012345 (Giải tám): 500.000 ₫"))
            #expect(html.contains(lastWeek.description))
            let english = String(buffer: try await agent.get("lottery?lang=en").body)
            #expect(english.contains("2,250,000 ₫"))
            let id = try #require(
                (try await api.call(.get, "/lottery/me/statements", token: try await api.staffSession("dl001", password: "mat-khau-dai-ly-1"))
                    .json["statements"] as? [[String: Any]])?.first?["id"] as? Int
            )
            // Without a reason the page says so and nothing is answered.
            let empty = try await agent.post("lottery/statements/\(id)/dispute", ["reason": "", "email": "dl001@phuongnam.vn"])
            #expect(empty.status == .unprocessableContent)
            #expect(String(buffer: empty.body).contains("role=\"alert\""))
            let sent = try await agent.post("lottery/statements/\(id)/dispute", ["reason": "Thiếu vé trả lại", "email": "dl001@phuongnam.vn"])
            #expect(sent.status == .seeOther)
            #expect(String(buffer: try await agent.get("lottery?lang=vi").body).contains("đang khiếu nại"))
            // Another agent's page shows only their own (nothing here), and cannot answer this one.
            var other = try await PageVisitor.signedIn(client, tenant, username: "dl002", password: "mat-khau-dai-ly-1")
            let theirs = String(buffer: try await other.get("lottery").body)
            #expect(!theirs.contains("2.250.000"))
            #expect(try await other.post("lottery/statements/\(id)/confirmation", [:]).status == .notFound)
            // Staff are not agents.
            var member = try await PageVisitor.signedIn(client, tenant, username: "thu")
            #expect(try await member.get("lottery").status == .forbidden)
        }
    }
}
