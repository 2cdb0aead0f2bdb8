import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LotterySettlement
import PortalTestSupport
import PostgresNIO
import ServiceLevels
import Testing

@testable import PGStore
@testable import TenantPortal

/// The workspace's agents (issue 19 item 10): the list, one agent's page, payments and
/// adjustments recorded by hand with their reason.
@Suite("Lottery agents in the staff workspace")
struct AgentStaffPagesTests {
    @Test("the list shows each agent's balance, ratio and state; an agent's page records a payment and an adjustment, each with its reason")
    func pages() async throws {
        let tenant = try await LedgerImportTests.distributor()
        let monday = DebtPeriod(containing: tenant.today(), kind: .week).start
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let rows = ["H1,allocation,DL001,\(monday),XSMN-TN,300,,,,", "H2,allocation,DL002,\(monday),XSMN-TN,100,,,,"]
            _ = try await api.send(.post, "/lottery/imports", token: staff, data: LedgerImportTests.file(rows), contentType: "text/csv")
            var member = try await PageVisitor.signedIn(client, tenant, username: "thu")
            let list = String(buffer: try await member.get("staff/lottery/agents?lang=vi").body)
            // DL001: 300 x 10,000 less 10% = 2,700,000 against 2,000,000: over the limit.
            #expect(list.contains("2.700.000 ₫"))
            #expect(list.contains("135%"))
            #expect(list.contains("Vượt hạn mức"))
            #expect(list.contains("href=\"/t/\(tenant.slug)/staff/lottery/agents/DL002\""))
            let byBalance = String(buffer: try await member.get("staff/lottery/agents?sort=-balance").body)
            let (first, second) = (try #require(byBalance.range(of: "DL001</a>")), try #require(byBalance.range(of: "DL002</a>")))
            #expect(first.lowerBound < second.lowerBound)
            let page = try await member.get("staff/lottery/agents/DL001")
            #expect(page.status == .ok)
            // A payment without its note is refused, saying so; nothing is recorded.
            let refused = try await member.post("staff/lottery/agents/DL001/payments", ["amount": "1000000", "reason": ""])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("role=\"alert\""))
            let bad = try await member.post("staff/lottery/agents/DL001/payments", ["amount": "1.000.000", "reason": "Tiền mặt"])
            #expect(bad.status == .unprocessableContent)
            let paid = try await member.post("staff/lottery/agents/DL001/payments", ["amount": "1000000", "reason": "Tiền mặt tại quầy"])
            #expect(paid.status == .seeOther)
            let adjusted = try await member.post("staff/lottery/agents/DL001/adjustments", ["amount": "-50000", "reason": "Bù vé lỗi in"])
            #expect(adjusted.status == .seeOther)
            let after = String(buffer: try await member.get("staff/lottery/agents/DL001?saved&lang=vi").body)
            #expect(after.contains("Đã ghi nhận vào sổ cái."))
            #expect(after.contains("Tiền mặt tại quầy"))
            #expect(after.contains("Bù vé lỗi in"))
            #expect(after.contains("1.650.000 ₫"))
            let agent = try await api.staffSession("dl001", password: "mat-khau-dai-ly-1")
            #expect(try await api.call(.get, "/lottery/me/summary", token: agent).json["balance"] as? Int == 1_650_000)
            #expect(try await member.get("staff/lottery/agents/DL999").status == .notFound)
        }
        try await TestDatabase.asAdmin { database in
            let checked = try await LotteryVerification(database: database).run(tenant: tenant, logger: TestDatabase.logger)
            #expect(checked.differences == [])
        }
    }

    @Test("the imports page applies an uploaded file, lists every problem of a refused one by line and column, and shows the latest imports")
    func imports() async throws {
        let tenant = try await LedgerImportTests.distributor()
        try await withPortal { client in
            var member = try await PageVisitor.signedIn(client, tenant, username: "thu")
            #expect(try await member.get("staff/lottery/imports?lang=vi").status == .ok)
            let good = Array(
                LedgerImportTests.file(["K1,allocation,DL001,2026-11-30,XSMN-TN,10,,,,", "K2,payment,DL001,2026-12-01,,,,50000,,Tiền mặt"])
            )
            let applied = try await member.post("staff/lottery/imports", [], files: [(name: "so-cai-tuan-49.csv", bytes: good)])
            #expect(applied.status == .ok)
            let page = String(buffer: applied.body)
            #expect(page.contains("2 dòng được áp dụng"))
            #expect(page.contains("so-cai-tuan-49.csv"))
            let bad = Array(LedgerImportTests.file(["K3,allocation,DL009,2026-11-30,XSMN-TN,10,,,,", "K4,payment,DL001,2026-12-01,,,,1.5,,"]))
            let refused = try await member.post("staff/lottery/imports", [], files: [(name: "loi.csv", bytes: bad)])
            #expect(refused.status == .unprocessableContent)
            let listed = String(buffer: refused.body)
            #expect(listed.contains("<td>3</td><td>amount</td>"))
            #expect(listed.contains("“1.5”"))
            let none = try await member.post("staff/lottery/imports", [])
            #expect(none.status == .unprocessableContent)
        }
    }

    @Test("staff add an agent (a link mailed when no password is given), edit them, and keep products; a refused form keeps what was typed")
    func forms() async throws {
        let tenant = try await LedgerImportTests.distributor()
        try await withPortal { client in
            var member = try await PageVisitor.signedIn(client, tenant, username: "thu")
            #expect(String(buffer: try await member.get("staff/lottery/agents").body).contains("href=\"/t/\(tenant.slug)/staff/lottery/agents/new\""))
            _ = try await member.get("staff/lottery/agents/new")
            let fields = [
                "code": "dl003", "name": "Đại lý Hồng Phúc", "phone": "0987 654 321", "email": "", "region": "Bình Dương", "commission_rate": "0.2",
                "collateral": "30000000", "username": "", "password": "",
            ]
            let tooHigh = try await member.post("staff/lottery/agents", Array(fields))
            #expect(tooHigh.status == .unprocessableContent)
            let page = String(buffer: tooHigh.body)
            #expect(page.contains("id=\"agent-commission-rate-error\""))
            #expect(page.contains("value=\"Đại lý Hồng Phúc\""))
            // No password and no email: nowhere to send the link.
            let noEmail = try await member.post("staff/lottery/agents", Array(fields.merging(["commission_rate": "0.12"]) { $1 }))
            #expect(noEmail.status == .unprocessableContent)
            #expect(String(buffer: noEmail.body).contains("id=\"agent-email-error\""))
            let created = try await member.post(
                "staff/lottery/agents",
                Array(fields.merging(["commission_rate": "0.12", "email": "hongphuc@daily.vn"]) { $1 })
            )
            #expect(created.status == .seeOther)
            #expect(created.headers[.location] == "/t/\(tenant.slug)/staff/lottery/agents/DL003?changed")
            #expect(try await InvitationTests.mails(tenant).map(\.0) == ["hongphuc@daily.vn"])

            let form = String(buffer: try await member.get("staff/lottery/agents/DL003/edit").body)
            #expect(form.contains("value=\"0.12\""))
            #expect(form.contains("value=\"30000000\""))
            var edited = ["name": "Đại lý Hồng Phúc 2", "phone": "0987654321", "email": "hongphuc@daily.vn", "region": "Bình Dương"]
            edited.merge(["commission_rate": "0.120", "commission_from": "", "collateral": "45000000", "reason": "", "active": "yes"]) { $1 }
            let noReason = try await member.post("staff/lottery/agents/DL003", Array(edited))
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains("id=\"agent-reason-error\""))
            let saved = try await member.post("staff/lottery/agents/DL003", Array(edited.merging(["reason": "Thêm sổ tiết kiệm"]) { $1 }))
            #expect(saved.status == .seeOther)
            let after = String(buffer: try await member.get("staff/lottery/agents/DL003?changed&lang=vi").body)
            #expect(after.contains("Đã lưu thông tin đại lý."))
            #expect(after.contains("Đại lý Hồng Phúc 2"))
            #expect(after.contains("45.000.000 ₫"))
            #expect(after.contains("Thêm sổ tiết kiệm"))
            // The rate typed as it was ("0.120" is 0.12) made no new rate.
            let rates = try await TestDatabase.asAdmin { admin in
                try await admin.reading(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.value(
                        "SELECT count(*)::bigint FROM lottery_commission_rates r JOIN lottery_agents a ON a.id = r.agent_id WHERE a.code = 'DL003'",
                        as: Int.self,
                        logger: TestDatabase.logger
                    )
                }
            }
            #expect(rates == 1)

            _ = try await member.get("staff/lottery/products")
            let badPrice = try await member.post("staff/lottery/products", ["code": "XSMN-BD", "name": "Xổ số Bình Dương", "price": "10.000"])
            #expect(badPrice.status == .unprocessableContent)
            #expect(String(buffer: badPrice.body).contains("value=\"Xổ số Bình Dương\""))
            let product = try await member.post("staff/lottery/products", ["code": "xsmn-bd", "name": "Xổ số Bình Dương", "price": "10000"])
            #expect(product.status == .seeOther)
            let products = String(buffer: try await member.get("staff/lottery/products?saved&lang=vi").body)
            #expect(products.contains("Đã lưu sản phẩm."))
            #expect(products.contains("<th scope=\"row\">XSMN-BD</th><td>Xổ số Bình Dương</td><td class=\"money\">10.000 ₫</td>"))
        }
    }
}
