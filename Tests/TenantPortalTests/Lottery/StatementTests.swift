import Foundation
import HTTPTypes
import LotterySettlement
import PGStore
import PortalTestSupport
import ServiceLevels
import Testing

@testable import TenantPortal

/// Closing a debt period and answering its statements (E5).
@Suite("Lottery statements")
struct StatementTests {
    @Test("closing a period makes a statement per agent with activity; its figures never change; a second close is refused")
    func close() async throws {
        let tenant = try await LedgerImportTests.distributor()
        // Last week, which is over; and the week before, for the opening balance.
        let lastWeek = DebtPeriod(containing: tenant.today().adding(days: -7), kind: .week)
        let before = lastWeek.start.adding(days: -7).description
        let (monday, wednesday) = (lastWeek.start.description, lastWeek.start.adding(days: 2).description)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let rows = [
                "E1,allocation,DL001,\(before),XSMN-TN,100,,,,", "E2,allocation,DL001,\(monday),XSMN-TN,200,,,,",
                "E3,payment,DL001,\(wednesday),,,,500000,,Tiền mặt", "E4,adjustment,DL001,\(wednesday),,,,-10000,,Bù vé lỗi",
            ]
            #expect(
                try await api.send(.post, "/lottery/imports", token: staff, data: LedgerImportTests.file(rows), contentType: "text/csv").status == .ok
            )
            let closed = try await api.call(.post, "/lottery/periods/\(lastWeek)/closing", token: staff)
            #expect(closed.status == .ok)
            #expect(closed.json["statements"] as? Int == 1)
            let again = try await api.call(.post, "/lottery/periods/\(lastWeek)/closing", token: staff)
            #expect(again.status == .conflict)
            #expect(again.errorCode == "period_closed")
            let thisWeek = DebtPeriod(containing: tenant.today(), kind: .week)
            #expect(try await api.call(.post, "/lottery/periods/\(thisWeek)/closing", token: staff).errorCode == "period_not_over")
            #expect(try await api.call(.post, "/lottery/periods/2026-11/closing", token: staff).errorField == "period")
            let listed = try await api.call(.get, "/lottery/periods/\(lastWeek)/statements", token: staff)
            let statement = try #require((listed.json["statements"] as? [[String: Any]])?.first)
            // 100 x 10,000 less 10% = 900,000 before; 1,800,000 this week; less 10,000 and 500,000.
            #expect(statement["agent_code"] as? String == "DL001")
            #expect(statement["opening_balance"] as? Int == 900_000)
            #expect(statement["draws"] as? Int == 1_800_000)
            #expect(statement["adjustments"] as? Int == -10_000)
            #expect(statement["payments"] as? Int == 500_000)
            #expect(statement["closing_balance"] as? Int == 2_190_000)
            #expect(statement["state"] as? String == "waiting")
            // Nothing may be dated in a closed period any more: a correction is an adjustment now.
            let late = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: LedgerImportTests.file(["E5,return,DL001,\(monday),XSMN-TN,10,,,,"]),
                contentType: "text/csv"
            )
            #expect((late.error["details"] as? [[String: Any]])?.first?["column"] as? String == "date")
        }
    }

    @Test("an agent confirms one statement and disputes another, which opens a ticket; no one answers another agent's")
    func answer() async throws {
        let tenant = try await LedgerImportTests.distributor()
        let weeks = [14, 7].map { DebtPeriod(containing: tenant.today().adding(days: -$0), kind: .week) }
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let rows = weeks.enumerated().flatMap { index, week in
                ["F\(index)a,allocation,DL001,\(week.start),XSMN-TN,10,,,,", "F\(index)b,allocation,DL002,\(week.start),XSMN-TN,10,,,,"]
            }
            _ = try await api.send(.post, "/lottery/imports", token: staff, data: LedgerImportTests.file(rows), contentType: "text/csv")
            for week in weeks { _ = try await api.call(.post, "/lottery/periods/\(week)/closing", token: staff) }
            let agent = try await api.staffSession("dl001", password: "mat-khau-dai-ly-1")
            let mine = (try await api.call(.get, "/lottery/me/statements", token: agent).json["statements"] as? [[String: Any]]) ?? []
            #expect(mine.map { $0["period"] as? String } == weeks.reversed().map(\.description))
            let (newest, older) = (try #require(mine.first?["id"] as? Int), try #require(mine.last?["id"] as? Int))
            let confirmed = try await api.call(.post, "/lottery/me/statements/\(older)/confirmation", token: agent)
            #expect((confirmed.json["statements"] as? [[String: Any]])?.first?["state"] as? String == "confirmed")
            #expect(try await api.call(.post, "/lottery/me/statements/\(older)/confirmation", token: agent).errorCode == "already_answered")
            // No email on file: the dispute asks for one.
            let noEmail = try await api.call(.post, "/lottery/me/statements/\(newest)/dispute", token: agent, json: ["reason": "Thiếu 2 vé trả lại"])
            #expect(noEmail.errorField == "email")
            let disputed = try await api.call(
                .post,
                "/lottery/me/statements/\(newest)/dispute",
                token: agent,
                json: ["reason": "Thiếu 2 vé trả lại ngày thứ Hai", "email": "dl001@phuongnam.vn"]
            )
            let answered = try #require((disputed.json["statements"] as? [[String: Any]])?.first)
            #expect(answered["state"] as? String == "disputed")
            let code = try #require(answered["ticket_code"] as? String)
            let ticket = try await api.call(.get, "/tickets/\(code)", token: agent)
            #expect(ticket.status == .ok)
            #expect(ticket.json["type"] as? String == "statement_dispute")
            #expect(ticket.json["content"] as? String == "Thiếu 2 vé trả lại ngày thứ Hai")
            // Another agent's statement is not found, whatever its id.
            let other = try await api.staffSession("dl002", password: "mat-khau-dai-ly-1")
            #expect(try await api.call(.post, "/lottery/me/statements/\(newest)/confirmation", token: other).status == .notFound)
            #expect(try await api.call(.post, "/lottery/me/statements/\(newest)/dispute", token: other, json: ["reason": "x"]).status == .notFound)
            let theirs = (try await api.call(.get, "/lottery/me/statements", token: other).json["statements"] as? [[String: Any]]) ?? []
            #expect(theirs.allSatisfy { $0["agent_code"] as? String == "DL002" })
            #expect(theirs.count == 2)
        }
    }
}
