import Foundation
import ServiceLevels
import Testing

struct CalendarLimitsTests {
    @Test func weekWithoutOpenTimeIsRejected() throws {
        #expect(throws: BusinessCalendarError.noOpeningHours) {
            try BusinessCalendar(timeZoneIdentifier: "Asia/Ho_Chi_Minh", hours: WeeklyHours(parsing: ""))
        }
        #expect(BusinessCalendarError.noOpeningHours.description == "the weekly hours have no open time")
    }

    @Test func unknownTimeZoneIsRejected() throws {
        #expect(throws: BusinessCalendarError.unknownTimeZone("Asia/Saigon_Typo")) {
            try makeCalendar("Asia/Saigon_Typo")
        }
    }

    /// Open only on Mondays, and every Monday of 160 weeks (1,120 days, more than three years)
    /// is a holiday: counting must stop with an error instead of scanning on.
    @Test func holidaysCoveringYearsMakeAddThrow() throws {
        let firstMonday = try localDate("2027-01-04")
        let mondays = Set((0..<160).map { firstMonday.adding(days: 7 * $0) })
        let calendar = try makeCalendar(hours: "mon 09:00-10:00", holidays: mondays)
        let start = try instant("2027-01-01T00:00:00+07:00")
        let expected = BusinessCalendarError.noOpeningWithin(days: BusinessCalendar.maximumClosedDays, after: try localDate("2027-01-01"))
        #expect(throws: expected) { try calendar.add(minute, to: start) }
        #expect(throws: expected) { try calendar.firstOpenInstant(atOrAfter: start) }
        #expect(expected.description == "no business hours within 1098 days after 2027-01-01: holidays cover every open day")
        // Measuring (rather than searching) over the same span simply finds nothing.
        #expect(try calendar.businessSeconds(from: start, to: instant("2029-01-01T00:00:00+07:00")) == 0)
    }

    /// Two years of closed Mondays are within the limit: the first open Monday is 100 weeks after
    /// 2027-01-04, i.e. 700 days later, 2028-12-04.
    @Test func longButFiniteHolidayStretchesAreCrossed() throws {
        let firstMonday = try localDate("2027-01-04")
        let mondays = Set((0..<100).map { firstMonday.adding(days: 7 * $0) })
        let calendar = try makeCalendar(hours: "mon 09:00-10:00", holidays: mondays)
        #expect(try calendar.add(minute, to: instant("2027-01-01T00:00:00+07:00")) == instant("2028-12-04T09:01:00+07:00"))
    }
}
