import Foundation
import ServiceLevels
import Testing

struct LocalDateTests {
    @Test func parsesAndPrintsIsoDays() throws {
        let date = try localDate("2027-02-05")
        #expect((date.year, date.month, date.day) == (2027, 2, 5))
        #expect(date.description == "2027-02-05")
        #expect(LocalDate(year: 987, month: 1, day: 2)?.description == "0987-01-02")
    }

    @Test(arguments: [
        "2027-02-29",  // 2027 is not a leap year
        "2100-02-29",  // century, not divisible by 400
        "2027-13-01", "2027-00-10", "2027-04-31", "2027-01-00",
        "2027-2-01", "27-02-01", "2027-02-01x", "2027/02/01", "+027-02-01", "abcd-ef-gh", "",
    ])
    func rejectsMalformedOrImpossibleDays(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(LocalDate("2028-02-29") != nil)
        #expect(LocalDate("2000-02-29") != nil)
    }

    @Test func weekdaysOfKnownDays() throws {
        #expect(try localDate("1970-01-01").weekday == .thursday)
        #expect(try localDate("1969-12-31").weekday == .wednesday)
        #expect(try localDate("2000-02-29").weekday == .tuesday)
        #expect(try localDate("2027-02-06").weekday == .saturday)  // first day of Tết 2027
        #expect(try localDate("2027-03-01").weekday == .monday)
        #expect(try localDate("2027-03-07").weekday == .sunday)
    }

    @Test func addsDaysAcrossMonthsYearsAndLeapDays() throws {
        #expect(try localDate("2028-02-28").adding(days: 1) == localDate("2028-02-29"))
        #expect(try localDate("2028-02-28").adding(days: 2) == localDate("2028-03-01"))
        #expect(try localDate("2027-12-31").adding(days: 1) == localDate("2028-01-01"))
        #expect(try localDate("2027-03-01").adding(days: -1) == localDate("2027-02-28"))
        #expect(try localDate("2027-01-04").adding(days: 700) == localDate("2028-12-04"))
    }

    @Test func ordersByDay() throws {
        #expect(try localDate("2027-02-04") < localDate("2027-02-05"))
        #expect(try localDate("2026-12-31") < localDate("2027-01-01"))
        #expect(try localDate("2027-01-10") < localDate("2027-02-01"))
        #expect(try !(localDate("2027-02-05") < localDate("2027-02-05")))
    }

    /// Day arithmetic must agree with Foundation's Gregorian calendar (in UTC) far from 1970; from
    /// 1586 on, since Foundation switches to the Julian calendar before October 1582.
    @Test func dayArithmeticAgreesWithFoundation() throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try #require(TimeZone(identifier: "UTC"))
        let epoch = try localDate("1970-01-01")
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let offset = Int.random(in: -130_000...400_000, using: &generator)
            let parts = utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(offset) * 86_400))
            let expected = try #require(LocalDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(epoch.adding(days: offset) == expected, "offset \(offset)")
        }
    }
}
