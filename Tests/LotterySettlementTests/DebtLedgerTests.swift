import LotterySettlement
import ServiceLevels
import Testing

@Suite("Debts by day, period and age (E2)")
struct DebtLedgerTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test("payments settle the oldest days first; what is left over is credit")
    func oldestFirst() throws {
        let ledger = try DebtLedger(net: [day("2026-12-02"): 300, day("2026-12-01"): 100, day("2026-12-03"): 50], paid: 250)
        #expect(ledger.days.map(\.date) == [day("2026-12-01"), day("2026-12-02"), day("2026-12-03")])
        #expect(ledger.days.map(\.paid) == [100, 150, 0])
        #expect(ledger.days.map(\.left) == [0, 150, 50])
        #expect(ledger.balance == 200)
        #expect(ledger.credit == 0)
        let overpaid = try DebtLedger(net: [day("2026-12-01"): 100], paid: 130)
        #expect(overpaid.credit == 30)
        #expect(overpaid.balance == -30)
    }

    @Test("a day that comes to less than nothing is credit, like a payment")
    func negativeDay() throws {
        // Prizes paid on the 2nd exceeded sales: the company owes 40, which settles the 1st.
        let ledger = try DebtLedger(net: [day("2026-12-01"): 100, day("2026-12-02"): -40, day("2026-12-03"): 70], paid: 0)
        #expect(ledger.days.map(\.due) == [100, 0, 70])
        #expect(ledger.days.map(\.paid) == [40, 0, 0])
        #expect(ledger.balance == 130)
        #expect(ledger.days.reduce(0) { $0 + $1.left } - ledger.credit == ledger.balance)
    }

    @Test("weekly periods run Monday to Sunday; monthly ones by calendar month")
    func periods() throws {
        let ledger = try DebtLedger(
            net: [day("2026-11-29"): 10, day("2026-11-30"): 20, day("2026-12-06"): 30, day("2026-12-07"): 40],
            paid: 15
        )
        let weeks = ledger.periods(.week)
        #expect(weeks.map(\.period.description) == ["2026-W48", "2026-W49", "2026-W50"])
        #expect(weeks.map(\.due) == [10, 50, 40])
        #expect(weeks.map(\.paid) == [10, 5, 0])
        let months = ledger.periods(.month)
        #expect(months.map(\.period.description) == ["2026-11", "2026-12"])
        #expect(months.map(\.due) == [30, 70])
    }

    @Test("ageing by draw date: 0-7, 8-30, 31-60, over 60 days")
    func ageing() throws {
        let ledger = try DebtLedger(
            net: [day("2026-09-01"): 1, day("2026-10-08"): 2, day("2026-11-07"): 4, day("2026-11-29"): 8, day("2026-12-07"): 16],
            paid: 0
        )
        let ages = ledger.ageing(on: day("2026-12-07"))
        // 97, 60, 30, 8 and 0 days old: each boundary on its inner side.
        #expect(ages[.older] == 1)
        #expect(ages[.upToTwoMonths] == 2)
        #expect(ages[.upToMonth] == 12)  // 4 + 8
        #expect(ages[.upToWeek] == 16)
        #expect(DebtAge(days: 7) == .upToWeek && DebtAge(days: 8) == .upToMonth && DebtAge(days: 60) == .upToTwoMonths && DebtAge(days: 61) == .older)
    }

    @Test("sums past Int64 are refused")
    func overflow() {
        #expect(throws: MoneyError.overflow) { try DebtLedger(net: [day("2026-12-01"): .max, day("2026-12-02"): 1], paid: 0) }
        #expect(throws: MoneyError.negative(-1)) { try DebtLedger(net: [:], paid: -1) }
    }
}

@Suite("Debt periods by name")
struct DebtPeriodTests {
    @Test(
        "ISO weeks and months, read and written",
        arguments: [
            ("2026-W49", "2026-11-30", "2026-12-06"), ("2026-W01", "2025-12-29", "2026-01-04"), ("2020-W53", "2020-12-28", "2021-01-03"),
            ("2024-02", "2024-02-01", "2024-02-29"), ("2026-12", "2026-12-01", "2026-12-31"),
        ]
    )
    func names(name: String, start: String, end: String) throws {
        let period = try #require(DebtPeriod(name))
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.description == name)
    }

    @Test("anything else is refused", arguments: ["2026-W54", "2026-W00", "2026-13", "2026-1", "26-12", "2026-W5", "2026", "2021-W53"])
    func refuses(name: String) {
        #expect(DebtPeriod(name) == nil)
    }
}
