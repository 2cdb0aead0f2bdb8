import Foundation
import HTTPTypes
import LotterySettlement
import PGStore
import PortalTestSupport
import PostgresNIO
import ServiceLevels
import Testing

@testable import TenantPortal

/// The ERP's ledger file (E6, E7, E2): applied whole or not at all, idempotent, settled to the
/// đồng, and the figures an agent sees kept current from the ledger.
@Suite("Importing the lottery ledger")
struct LedgerImportTests {
    static let header = "erp_id,kind,agent_code,date,product,tickets,unit_price,amount,ticket_no,note"

    /// A tenant with product XSMN-TN at 10,000 đ, agents DL001 (10%) and DL002 (5%), a staff member.
    static func distributor() async throws -> Tenant {
        let tenant = try await PortalFixtures.tenant(modules: "lottery")
        try await PortalFixtures.staff(tenant, "thu")
        try await TestDatabase.asAdmin { database in
            let agents = LotteryAgents(database: database)
            _ = try await agents.saveProduct(code: "XSMN-TN", name: "Xổ số Tây Ninh", price: "10000", tenant: tenant, logger: TestDatabase.logger)
            for (code, rate) in [("DL001", "0.10"), ("DL002", "0.05")] {
                let agent = try await LotteryAgents.NewAgent(
                    code: code,
                    name: "Đại lý \(code)",
                    phone: "0912345678",
                    region: "Tây Ninh",
                    commissionRate: rate,
                    collateral: "2000000",
                    username: nil,
                    access: .password("mat-khau-dai-ly-1")
                )
                _ = try await agents.create(agent, actor: "tests", tenant: tenant, logger: TestDatabase.logger)
            }
        }
        return tenant
    }

    static func file(_ rows: [String]) -> Data { Data(("\u{FEFF}" + ([header] + rows).joined(separator: "\r\n") + "\r\n").utf8) }

    @Test("a draw settles to the đồng; payments settle the oldest debt; the same file twice changes nothing")
    func settles() async throws {
        let tenant = try await Self.distributor()
        let monday = DebtPeriod(containing: tenant.today(), kind: .week).start
        let (draw, paidOn, adjustedOn) = (monday.description, monday.adding(days: 1).description, monday.adding(days: 2).description)
        let rows = [
            "A1,allocation,DL001,\(draw),XSMN-TN,1000,,,,", "A2,return,dl001,\(draw),XSMN-TN,120,,,,",
            "A3,winning_ticket,DL001,\(draw),XSMN-TN,,,500000,123456,Giải nhất", "A4,invalid_ticket,DL001,\(draw),XSMN-TN,,,,654321,Vé rách",
            "A5,prize_paid,DL001,\(draw),XSMN-TN,,,1500000,,", "A6,payment,DL001,\(paidOn),,,,5000000,,Chuyển khoản",
            "A7,adjustment,DL001,\(adjustedOn),,,,-20000,,\"Bù chênh lệch, tháng 12\"", "A8,allocation,DL002,\(draw),XSMN-TN,200,12000,,,",
        ]
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let imported = try await api.send(
                .post,
                "/lottery/imports?file_name=so-cai.csv",
                token: staff,
                data: Self.file(rows),
                contentType: "text/csv"
            )
            #expect(imported.status == .ok)
            #expect(imported.json["applied"] as? Int == 8)
            #expect(imported.json["skipped"] as? Int == 0)
            // DL001: 880 sold x 10,000 = 8,800,000; commission 880,000; fee 0.2% of 1,500,000 = 3,000;
            // due 8,800,000 - 880,000 - 1,500,000 - 3,000 = 6,417,000; less 20,000 and 5,000,000 paid.
            let agent = try await api.staffSession("dl001", password: "mat-khau-dai-ly-1")
            let summary = try await api.call(.get, "/lottery/me/summary", token: agent)
            #expect(summary.json["balance"] as? Int == 1_397_000)
            #expect(summary.json["period_revenue"] as? Int == 8_800_000)
            #expect(summary.json["period_commission"] as? Int == 880_000)
            #expect(summary.json["ratio_percent"] as? Int == 69)
            #expect(summary.json["warning"] as? Bool == false)
            let debts = try await api.call(.get, "/lottery/me/debts", token: agent)
            let periods = debts.json["periods"] as? [[String: Any]] ?? []
            #expect(periods.map { $0["due"] as? Int } == [6_417_000])
            #expect(periods.map { $0["paid"] as? Int } == [5_020_000])
            #expect(periods.map { $0["left"] as? Int } == [1_397_000])
            #expect((debts.json["ageing"] as? [String: Any])?["0-7"] as? Int == 1_397_000)
            let drawList = try await api.call(.get, "/lottery/me/draws?from=\(draw)&to=\(draw)", token: agent)
            let drawn = try #require((drawList.json["draws"] as? [[String: Any]])?.first)
            #expect(drawn["net_sold"] as? Int == 880)
            #expect(drawn["amount_due"] as? Int == 6_417_000)
            #expect(drawn["payout_fee"] as? Int == 3_000)
            #expect((drawn["winning_tickets"] as? [[String: Any]])?.first?["note"] as? String == "Giải nhất")
            #expect((drawn["invalid_tickets"] as? [[String: Any]])?.first?["note"] as? String == "Vé rách")
            let payments = try await api.call(.get, "/lottery/me/payments", token: agent)
            #expect((payments.json["payments"] as? [[String: Any]])?.map { $0["method"] as? String } == ["Chuyển khoản"])
            #expect(try await api.call(.get, "/lottery/me/draws?from=2026-02-30", token: agent).errorField == "from")
            // DL002 sees only their own: 200 x 12,000 = 2,400,000 less 5% = 2,280,000.
            let other = try await api.staffSession("dl002", password: "mat-khau-dai-ly-1")
            #expect(try await api.call(.get, "/lottery/me/summary", token: other).json["balance"] as? Int == 2_280_000)

            let again = try await api.send(.post, "/lottery/imports", token: staff, data: Self.file(rows), contentType: "text/csv")
            #expect(again.json["applied"] as? Int == 0)
            #expect(again.json["skipped"] as? Int == 8)
            #expect(try await api.call(.get, "/lottery/me/summary", token: agent).json["balance"] as? Int == 1_397_000)
            // More returns later: only the difference in the draw's amount due is booked.
            let more = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: Self.file(["B1,return,DL001,\(draw),XSMN-TN,80,,,,"]),
                contentType: "text/csv"
            )
            #expect(more.json["applied"] as? Int == 1)
            // 800 sold: 8,000,000 - 800,000 - 1,500,000 - 3,000 = 5,697,000 due; 720,000 less.
            #expect(try await api.call(.get, "/lottery/me/summary", token: agent).json["balance"] as? Int == 1_397_000 - 720_000)
        }
        try await TestDatabase.asAdmin { database in
            let (agents, differences) = try await LotteryVerification(database: database).run(tenant: tenant, logger: TestDatabase.logger)
            #expect(agents == 2)
            #expect(differences == [])
            // A figure changed behind the ledger's back is found.
            try await database.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                try await connection.query("UPDATE lottery_debt_days SET paid = paid - 1 WHERE paid > 0", logger: TestDatabase.logger)
            }
            let (_, found) = try await LotteryVerification(database: database).run(tenant: tenant, logger: TestDatabase.logger)
            #expect(found.count == 1)
            #expect(found.first?.hasPrefix("DL001 ") == true)
        }
    }

    @Test("after every kind of change, file after file, the paid parts kept by the trigger are the rule's, to the đồng")
    func settlesStepByStep() async throws {
        let tenant = try await Self.distributor()
        let first = tenant.today().adding(days: -12)
        // A fixed pseudo-random walk: new days, earlier days changed, payments, prizes paid above
        // sales (credit), adjustments either way, so debts are paid, unpaid and paid again.
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var row = 0
        // First a credit that shrinks: a day of prizes paid (credit) pays an older day, then sales
        // on that same day eat into the credit, so the older day is partly owed again.
        let shrinking = [
            "X1,allocation,DL001,\(first),XSMN-TN,100,,,,", "X2,prize_paid,DL001,\(first.adding(days: 1)),XSMN-TN,,,2000000,,",
            "X3,allocation,DL001,\(first.adding(days: 2)),XSMN-TN,10,,,,", "X4,allocation,DL001,\(first.adding(days: 1)),XSMN-TN,150,,,,",
        ].map { [$0] }
        let steps =
            shrinking
            + (1...30).map { _ in
                (0..<(1 + next(4))).map { _ -> String in
                    row += 1
                    let (agent, day) = (["DL001", "DL002"][next(2)], first.adding(days: next(12)))
                    return switch next(5) {
                    case 0, 1: "S\(row),allocation,\(agent),\(day),XSMN-TN,\(1 + next(60)),,,,"
                    case 2: "S\(row),prize_paid,\(agent),\(day),XSMN-TN,,,\(10_000 * (1 + next(30))),,"
                    case 3: "S\(row),payment,\(agent),\(day),,,,\(50_000 * (1 + next(10))),,Tiền mặt"
                    default: "S\(row),adjustment,\(agent),\(day),,,,\(next(2) == 0 ? "-" : "")\(20_000 * (1 + next(10))),,Điều chỉnh"
                    }
                }
            }
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            for (step, rows) in steps.enumerated() {
                let imported = try await api.send(.post, "/lottery/imports", token: staff, data: Self.file(rows), contentType: "text/csv")
                #expect(imported.status == .ok, "step \(step): \(rows)")
                let differences = try await TestDatabase.asAdmin { database in
                    try await LotteryVerification(database: database).run(tenant: tenant, logger: TestDatabase.logger).differences
                }
                #expect(differences == [], "step \(step): \(rows)")
            }
        }
    }

    @Test("a bad file is refused whole with every problem listed by line and column; nothing is applied")
    func refusesWhole() async throws {
        let tenant = try await Self.distributor()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let good = "C1,allocation,DL001,2026-11-30,XSMN-TN,10,,,,"
            let refused = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: Self.file([
                    good, "C2,allocation,DL009,2026-11-30,XSMN-TN,-5,,,,", "C3,return,DL001,2026-11-30,XSMN-XX,5,,,,",
                    "C4,payment,DL001,2026-13-01,,,,1.5,,", "C5,bonus,DL001,2026-11-30,,,,,,", "C1,payment,DL001,2026-11-30,,,,100,,",
                    "C6,return,DL001,2026-11-30,XSMN-TN,11,,,,",
                ]),
                contentType: "text/csv"
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorCode == "import_refused")
            let details = (refused.error["details"] as? [[String: Any]] ?? []).map { "\($0["line"] as? Int ?? 0) \($0["column"] as? String ?? "")" }
            // Each bad cell; an unknown product on a row otherwise good; a repeated id. (The returns
            // of line 8 are checked against the allocation once the rest is good: see below.)
            #expect(details == ["3 tickets", "4 product", "5 amount", "5 date", "6 kind", "7 erp_id"])
            // An unknown agent on a row otherwise good is named too.
            let second = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: Self.file([good, "C2,allocation,DL009,2026-11-30,XSMN-TN,5,,,,", "C3,return,DL001,2026-11-30,XSMN-XX,5,,,,"]),
                contentType: "text/csv"
            )
            let named = (second.error["details"] as? [[String: Any]] ?? []).map { "\($0["line"] as? Int ?? 0) \($0["column"] as? String ?? "")" }
            #expect(named == ["3 agent_code", "4 product"])
            // Returns above what was allocated for the draw, counted over the file.
            let over = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: Self.file([good, "C6,return,DL001,2026-11-30,XSMN-TN,11,,,,"]),
                contentType: "text/csv"
            )
            #expect((over.error["details"] as? [[String: Any]])?.first?["column"] as? String == "tickets")
            #expect(over.errorMessage.contains("11"))
            let agent = try await api.staffSession("dl001", password: "mat-khau-dai-ly-1")
            #expect(try await api.call(.get, "/lottery/me/summary", token: agent).json["balance"] as? Int == 0)
            // Applied now, the same erp_id with other content is refused afterwards.
            #expect(try await api.send(.post, "/lottery/imports", token: staff, data: Self.file([good]), contentType: "text/csv").status == .ok)
            let changed = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: Self.file(["C1,allocation,DL001,2026-11-30,XSMN-TN,12,,,,"]),
                contentType: "text/csv"
            )
            #expect((changed.error["details"] as? [[String: Any]])?.first?["column"] as? String == "erp_id")
            let notCSV = try await api.send(.post, "/lottery/imports", token: staff, data: Data([0x61, 0xC3, 0x28]), contentType: "text/csv")
            #expect(notCSV.errorCode == "import_refused")
        }
    }

    @Test("an agent over the collateral limit gets no new allocation; amounts past Int64 are refused cleanly")
    func limits() async throws {
        let tenant = try await Self.distributor()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            // 300 x 10,000 less 10% = 2,700,000 owed against 2,000,000 of collateral: 135%.
            let first = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: Self.file(["D1,allocation,DL001,2026-11-30,XSMN-TN,300,,,,"]),
                contentType: "text/csv"
            )
            #expect(first.status == .ok)
            let agent = try await api.staffSession("dl001", password: "mat-khau-dai-ly-1")
            let summary = try await api.call(.get, "/lottery/me/summary", token: agent)
            #expect(summary.json["blocked"] as? Bool == true)
            #expect(summary.json["warning"] as? Bool == true)
            let blocked = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: Self.file(["D2,allocation,DL001,2026-12-01,XSMN-TN,10,,,,"]),
                contentType: "text/csv"
            )
            #expect((blocked.error["details"] as? [[String: Any]])?.first?["column"] as? String == "agent_code")
            // A payment brings the agent back under the limit.
            _ = try await api.send(
                .post,
                "/lottery/imports",
                token: staff,
                data: Self.file(["D3,payment,DL001,2026-12-01,,,,1000000,,Tiền mặt"]),
                contentType: "text/csv"
            )
            #expect(
                try await api.send(
                    .post,
                    "/lottery/imports",
                    token: staff,
                    data: Self.file(["D2,allocation,DL001,2026-12-01,XSMN-TN,10,,,,"]),
                    contentType: "text/csv"
                ).status == .ok
            )
            for (row, column) in [
                ("D4,allocation,DL002,2026-12-01,XSMN-TN,922337203685477580,,,,", nil),
                ("D5,payment,DL002,2026-12-01,,,,99999999999999999999,,", "amount"),
            ] {
                let huge = try await api.send(.post, "/lottery/imports", token: staff, data: Self.file([row]), contentType: "text/csv")
                #expect(huge.status == .unprocessableContent)
                let detail = (huge.error["details"] as? [[String: Any]])?.first
                #expect(detail?["line"] as? Int == 2)
                #expect(detail?["column"] as? String == column)
            }
        }
    }

    @Test("the sample file of the README imports whole, then skips every row, and the figures verify")
    func sample() async throws {
        let tenant = try await Self.distributor()
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../samples/lottery-ledger.csv")
        let file = try Data(contentsOf: sample)
        try await TestDatabase.asAdmin { database in
            let agents = LotteryAgents(database: database)
            _ = try await agents.saveProduct(
                code: "XSMN-HCM",
                name: "Xổ số TP. Hồ Chí Minh",
                price: "10000",
                tenant: tenant,
                logger: TestDatabase.logger
            )
            let third = try await LotteryAgents.NewAgent(
                code: "DL003",
                name: "Đại lý Hồng Nhung",
                phone: "0912345678",
                region: nil,
                commissionRate: "0.1",
                collateral: nil,
                username: nil,
                access: .password("mat-khau-dai-ly-1")
            )
            _ = try await agents.create(third, actor: "tests", tenant: tenant, logger: TestDatabase.logger)
            let importer = LedgerImport(database: database)
            let first = try await importer.run(
                file: file,
                fileName: "lottery-ledger.csv",
                actor: "tests",
                tenant: tenant,
                logger: TestDatabase.logger
            )
            #expect(first == .init(applied: 69, skipped: 0))
            let second = try await importer.run(
                file: file,
                fileName: "lottery-ledger.csv",
                actor: "tests",
                tenant: tenant,
                logger: TestDatabase.logger
            )
            #expect(second == .init(applied: 0, skipped: 69))
            let (checked, differences) = try await LotteryVerification(database: database).run(tenant: tenant, logger: TestDatabase.logger)
            #expect(checked == 3)
            #expect(differences == [])
            // Vietnamese notes come back as written.
            let notes = try await database.reading(tenant.scope, logger: TestDatabase.logger) { connection in
                try await connection.query("SELECT note FROM lottery_ledger WHERE kind = 'adjustment'", logger: TestDatabase.logger)
                    .collect().map { try $0.decode(String.self) }
            }
            #expect(notes == ["Bù tiền vé lỗi in, kỳ 48"])
        }
    }
}
