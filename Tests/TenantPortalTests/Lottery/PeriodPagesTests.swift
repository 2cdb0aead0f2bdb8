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

/// The workspace's debt periods (issue 19 item 10): closing a period from its page, how its
/// statements stand, and the rules form administrators use.
@Suite("Lottery periods in the staff workspace")
struct PeriodPagesTests {
    @Test("staff close last week from the page; its statements show confirmed, disputed with the ticket, and waiting; a second close is refused")
    func close() async throws {
        let tenant = try await LedgerImportTests.distributor()
        let lastWeek = DebtPeriod(containing: tenant.today().adding(days: -7), kind: .week)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let rows = ["P1,allocation,DL001,\(lastWeek.start),XSMN-TN,100,,,,", "P2,allocation,DL002,\(lastWeek.end),XSMN-TN,40,,,,"]
            _ = try await api.send(.post, "/lottery/imports", token: staff, data: LedgerImportTests.file(rows), contentType: "text/csv")
            var member = try await PageVisitor.signedIn(client, tenant, username: "thu")
            let before = String(buffer: try await member.get("staff/lottery/periods?lang=vi").body)
            // The last period that is over is proposed; nothing is closed yet.
            #expect(before.contains("value=\"\(lastWeek)\""))
            #expect(before.contains("Chưa chốt kỳ nào."))
            // A member who is not an administrator sees the rules but no form for them.
            #expect(before.contains("Theo tuần (thứ Hai đến Chủ nhật)"))
            #expect(!before.contains("name=\"payout_fee\""))

            let closed = try await member.post("staff/lottery/periods", ["period": lastWeek.description.lowercased()])
            #expect(closed.status == .seeOther)
            #expect(closed.headers[.location] == "/t/\(tenant.slug)/staff/lottery/periods/\(lastWeek)?closed")
            let made = String(buffer: try await member.get("staff/lottery/periods/\(lastWeek)?closed&lang=vi").body)
            #expect(made.contains("Đã chốt kỳ \(lastWeek): 2 bảng đối soát chờ đại lý xác nhận."))
            #expect(made.contains("900.000 ₫"))
            let again = try await member.post("staff/lottery/periods", ["period": lastWeek.description])
            #expect(again.status == .conflict)
            let refused = String(buffer: again.body)
            #expect(refused.contains("Kỳ \(lastWeek) đã được chốt."))
            #expect(refused.contains("value=\"\(lastWeek)\""))
            #expect(try await member.post("staff/lottery/periods", ["period": "tuan-truoc"]).status == .unprocessableContent)
            #expect(try await member.get("staff/lottery/periods/2020-W01").status == .notFound)

            let first = try await api.staffSession("dl001", password: "mat-khau-dai-ly-1")
            let second = try await api.staffSession("dl002", password: "mat-khau-dai-ly-1")
            let one = try #require(try await Self.statementID(api, first))
            let two = try #require(try await Self.statementID(api, second))
            #expect(try await api.call(.post, "/lottery/me/statements/\(one)/confirmation", token: first).status == .ok)
            let disputed = try await api.call(
                .post,
                "/lottery/me/statements/\(two)/dispute",
                token: second,
                json: ["reason": "Thiếu 5 vé trả lại ngày chủ nhật", "email": "dl002@daily.vn"]
            )
            let ticket = try #require((disputed.json["statements"] as? [[String: Any]])?.first?["ticket_code"] as? String)
            let overview = String(buffer: try await member.get("staff/lottery/periods?lang=vi").body)
            #expect(overview.contains("<td>2</td><td>1</td><td>1</td><td>0</td>"))
            let answered = String(buffer: try await member.get("staff/lottery/periods/\(lastWeek)?lang=vi").body)
            #expect(answered.contains("Đã xác nhận"))
            #expect(answered.contains("Thiếu 5 vé trả lại ngày chủ nhật"))
            #expect(answered.contains("href=\"/t/\(tenant.slug)/staff/tickets/\(ticket)\""))
        }
    }

    @Test("an administrator changes the rules from the page; a bad value is refused there and nothing changes")
    func rules() async throws {
        let tenant = try await LedgerImportTests.distributor()
        try await PortalFixtures.staff(tenant, "huong", role: .admin)
        try await withPortal { client in
            var member = try await PageVisitor.signedIn(client, tenant, username: "thu")
            let fields = ["period_kind": "month", "payout_fee": "0.001", "warning_ratio": "0.7", "limit_ratio": "0.9"]
            _ = try await member.get("staff/lottery/periods")
            let notAdmin = try await member.post("staff/lottery/settings", Array(fields))
            #expect(notAdmin.status == .forbidden)
            #expect(String(buffer: notAdmin.body).contains("role=\"alert\""))
            var admin = try await PageVisitor.signedIn(client, tenant, username: "huong")
            _ = try await admin.get("staff/lottery/periods")
            let bad = try await admin.post("staff/lottery/settings", Array(fields.merging(["warning_ratio": "0.95"]) { $1 }))
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("Ngưỡng cảnh báo không được cao hơn ngưỡng chặn."))
            let saved = try await admin.post("staff/lottery/settings", Array(fields))
            #expect(saved.status == .seeOther)
            let page = String(buffer: try await admin.get("staff/lottery/periods?saved&lang=vi").body)
            #expect(page.contains("Đã lưu quy định."))
            #expect(page.contains("value=\"0.001\""))
            #expect(page.contains("<option value=\"month\" selected>"))
            let api = APIClient(client: client, tenant: tenant)
            let rules = try await api.call(.get, "/lottery/settings", token: try await api.staffSession("thu"))
            #expect(rules.json["limit_ratio"] as? String == "0.9")
        }
    }

    /// The agent's only statement's id.
    static func statementID(_ api: APIClient, _ token: String) async throws -> Int? {
        let listed = try await api.call(.get, "/lottery/me/statements", token: token)
        return (listed.json["statements"] as? [[String: Any]])?.first?["id"] as? Int
    }
}
