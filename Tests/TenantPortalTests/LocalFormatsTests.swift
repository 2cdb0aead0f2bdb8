import Foundation
import Testing

@testable import TenantPortal

@Suite("Money and dates the way each language writes them")
struct LocalFormatsTests {
    @Test(
        "VND amounts are whole đồng grouped by thousands: dots in Vietnamese, commas in English",
        arguments: [
            (1_250_000, Language.vi, "1.250.000 ₫"), (1_250_000, .en, "1,250,000 ₫"), (0, .vi, "0 ₫"), (999, .vi, "999 ₫"),
            (1_000, .vi, "1.000 ₫"), (-35_000, .vi, "-35.000 ₫"), (12_345_678_901, .en, "12,345,678,901 ₫"),
            (Int.min, .vi, "-9.223.372.036.854.775.808 ₫"),
        ]
    )
    func money(amount: Int, language: Language, shown: String) {
        #expect(MoneyText.vnd(amount, language) == shown)
    }

    @Test("times are shown in the tenant's zone, day first in Vietnamese and with the month's name in English")
    func times() {
        // 2026-11-24 03:43 UTC: 10:43 in Hồ Chí Minh City (UTC+7), 16:43 in Auckland (UTC+13 in summer).
        let instant = Date(timeIntervalSince1970: 1_795_491_780)
        let vietnamese = DateText.dateTime(instant, timeZone: "Asia/Ho_Chi_Minh", .vi)
        #expect(vietnamese.contains("24/11/2026") && vietnamese.contains("10:43"), "\(vietnamese)")
        #expect(DateText.dateTime(instant, timeZone: "Asia/Ho_Chi_Minh", .en) == "24 Nov 2026 at 10:43")
        #expect(DateText.dateTime(instant, timeZone: "Pacific/Auckland", .en) == "24 Nov 2026 at 16:43")
        #expect(DateText.day(Date(timeIntervalSince1970: 1_814_313_600), .vi) == "30/06/2027")
        #expect(DateText.day(Date(timeIntervalSince1970: 1_814_313_600), .en) == "30 Jun 2027")
    }
}
