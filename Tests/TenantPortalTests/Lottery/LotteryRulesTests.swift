import Foundation
import HTTPTypes
import LotterySettlement
import PGStore
import PortalTestSupport
import ServiceLevels
import Testing

@testable import TenantPortal

/// The tenant's lottery rules (E2, E4, E7) through `/lottery/settings`: read by staff, changed by
/// administrators, every value checked, and the period kind fixed once a period is closed.
@Suite("Lottery rules")
struct LotteryRulesTests {
    @Test("staff read the rules; an administrator changes them exactly; bad values are refused naming the field")
    func change() async throws {
        let tenant = try await LedgerImportTests.distributor()
        try await PortalFixtures.staff(tenant, "huong", role: .admin)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let (staff, admin) = (try await api.staffSession("thu"), try await api.staffSession("huong"))
            let shown = try await api.call(.get, "/lottery/settings", token: staff)
            #expect(shown.json["period_kind"] as? String == "week")
            #expect(shown.json["payout_fee"] as? String == "0.002")
            #expect(shown.json["warning_ratio"] as? String == "0.8")
            #expect(shown.json["limit_ratio"] as? String == "1")
            #expect(try await api.call(.put, "/lottery/settings", token: staff, json: ["payout_fee": "0.001"]).status == .forbidden)

            let changed = try await api.call(
                .put,
                "/lottery/settings",
                token: admin,
                json: ["period_kind": "month", "payout_fee": 0.0015, "warning_ratio": "0.75", "limit_ratio": 1.25]
            )
            #expect(changed.status == .ok, "\(changed.json)")
            #expect(changed.json["period_kind"] as? String == "month")
            #expect(changed.json["payout_fee"] as? String == "0.0015")
            #expect(changed.json["warning_ratio"] as? String == "0.75")
            #expect(changed.json["limit_ratio"] as? String == "1.25")
            // Only what is given changes.
            let fee = try await api.call(.put, "/lottery/settings", token: admin, json: ["payout_fee": "0"])
            #expect(fee.json["payout_fee"] as? String == "0")
            #expect(fee.json["limit_ratio"] as? String == "1.25")

            for (body, field) in [
                (["payout_fee": "0.003"], "payout_fee"), (["payout_fee": "0,001"], "payout_fee"), (["warning_ratio": "0.805"], "warning_ratio"),
                (["limit_ratio": "11"], "limit_ratio"), (["warning_ratio": "1.5"], "warning_ratio"), (["period_kind": "day"], "period_kind"),
            ] as [([String: Any], String)] {
                let refused = try await api.call(.put, "/lottery/settings", token: admin, json: body)
                #expect(refused.status == .unprocessableContent, "\(body)")
                #expect(refused.errorField == field, "\(body)")
            }
            #expect(try await api.call(.get, "/lottery/settings", token: staff).json["payout_fee"] as? String == "0")
        }
    }

    @Test("once a period is closed its kind can no longer change; the other rules still can")
    func kindFixed() async throws {
        let tenant = try await LedgerImportTests.distributor()
        try await PortalFixtures.staff(tenant, "huong", role: .admin)
        let lastWeek = DebtPeriod(containing: tenant.today().adding(days: -7), kind: .week)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let admin = try await api.staffSession("huong")
            let rows = ["E1,allocation,DL001,\(lastWeek.start),XSMN-TN,100,,,,"]
            #expect(
                try await api.send(.post, "/lottery/imports", token: admin, data: LedgerImportTests.file(rows), contentType: "text/csv").status == .ok
            )
            #expect(try await api.call(.post, "/lottery/periods/\(lastWeek)/closing", token: admin).status == .ok)
            let refused = try await api.call(.put, "/lottery/settings", token: admin, json: ["period_kind": "month"])
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "periods_closed")
            #expect(refused.errorMessage.contains("tuần"))
            #expect(try await api.call(.put, "/lottery/settings", token: admin, json: ["period_kind": "week", "limit_ratio": "2"]).status == .ok)
        }
    }
}
