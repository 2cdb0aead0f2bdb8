import Foundation
import ServiceLevels
import Testing

/// Business time in Vietnam with `vietnamHours`; times below are local (+07:00).
struct BusinessCalendarTests {
    let calendar: BusinessCalendar

    init() throws {
        calendar = try makeCalendar()
    }

    @Test func startInsideHours() throws {
        // Monday 09:00 + 2 h stays in the morning block.
        #expect(try calendar.add(2 * hour, to: instant("2027-03-01T09:00:00+07:00")) == instant("2027-03-01T11:00:00+07:00"))
        // + 4 h: 3 h until 12:00, the last hour from 13:30 to 14:30.
        #expect(try calendar.add(4 * hour, to: instant("2027-03-01T09:00:00+07:00")) == instant("2027-03-01T14:30:00+07:00"))
        // Adding nothing while open changes nothing, fractions of a second included.
        let open = try instant("2027-03-01T09:00:00+07:00").addingTimeInterval(0.25)
        #expect(try calendar.add(0, to: open) == open)
    }

    @Test func startBeforeOpening() throws {
        // 06:00 is closed: counting starts at 08:00.
        #expect(try calendar.add(hour, to: instant("2027-03-01T06:00:00+07:00")) == instant("2027-03-01T09:00:00+07:00"))
        #expect(try calendar.add(0, to: instant("2027-03-01T06:00:00+07:00")) == instant("2027-03-01T08:00:00+07:00"))
        #expect(try calendar.firstOpenInstant(atOrAfter: instant("2027-03-01T06:00:00+07:00")) == instant("2027-03-01T08:00:00+07:00"))
    }

    @Test func startAtLunch() throws {
        // 12:30 is lunch: the hour runs 13:30-14:30.
        #expect(try calendar.add(hour, to: instant("2027-03-01T12:30:00+07:00")) == instant("2027-03-01T14:30:00+07:00"))
        // Intervals are half-open: at 12:00 sharp the office is already closed.
        #expect(try calendar.add(0, to: instant("2027-03-01T12:00:00+07:00")) == instant("2027-03-01T13:30:00+07:00"))
        #expect(try !calendar.isOpen(at: instant("2027-03-01T12:00:00+07:00")))
        #expect(try calendar.isOpen(at: instant("2027-03-01T11:59:59+07:00")))
        #expect(try calendar.isOpen(at: instant("2027-03-01T13:30:00+07:00")))
    }

    @Test func fridayEveningRunsIntoSaturdayMorning() throws {
        // Friday 17:00 + 2 h: 30 min until 17:30, then 1 h 30 min from Saturday 08:00.
        #expect(try calendar.add(2 * hour, to: instant("2027-03-05T17:00:00+07:00")) == instant("2027-03-06T09:30:00+07:00"))
    }

    @Test func fridayEveningWithoutSaturdayRunsIntoMonday() throws {
        let weekdaysOnly = try makeCalendar(hours: "mon-fri 08:00-12:00,13:30-17:30")
        // 30 min on Friday, the weekend is closed, the remaining 1 h 30 min from Monday 08:00.
        #expect(try weekdaysOnly.add(2 * hour, to: instant("2027-03-05T17:00:00+07:00")) == instant("2027-03-08T09:30:00+07:00"))
    }

    @Test func targetUsedUpAtClosingTimeIsDueAtClosingTime() throws {
        // Friday 17:00 + 30 min ends exactly at 17:30, not at the next opening.
        #expect(try calendar.add(30 * minute, to: instant("2027-03-05T17:00:00+07:00")) == instant("2027-03-05T17:30:00+07:00"))
        // Saturday closes at 12:00: 11:00 + 1 h is Saturday 12:00.
        #expect(try calendar.add(hour, to: instant("2027-03-06T11:00:00+07:00")) == instant("2027-03-06T12:00:00+07:00"))
    }

    @Test func saturdayMorningThenMonday() throws {
        // Saturday 11:00 + 2 h: 1 h until noon, Sunday closed, 1 h from Monday 08:00.
        #expect(try calendar.add(2 * hour, to: instant("2027-03-06T11:00:00+07:00")) == instant("2027-03-08T09:00:00+07:00"))
        #expect(try calendar.isOpen(at: instant("2027-03-06T08:00:00+07:00")))
        #expect(try !calendar.isOpen(at: instant("2027-03-06T13:30:00+07:00")))
    }

    @Test func sundayStart() throws {
        // Sunday is closed all day: 30 min from Monday 08:00.
        #expect(try calendar.add(30 * minute, to: instant("2027-03-07T10:00:00+07:00")) == instant("2027-03-08T08:30:00+07:00"))
        #expect(try !calendar.isOpen(at: instant("2027-03-07T10:00:00+07:00")))
        #expect(try calendar.firstOpenInstant(atOrAfter: instant("2027-03-07T10:00:00+07:00")) == instant("2027-03-08T08:00:00+07:00"))
    }

    @Test func businessSecondsBetweenInstants() throws {
        // Monday 09:00 to Tuesday 09:00: 3 h + 4 h on Monday, 1 h on Tuesday.
        #expect(try calendar.businessSeconds(from: instant("2027-03-01T09:00:00+07:00"), to: instant("2027-03-02T09:00:00+07:00")) == 8 * hour)
        // A whole week: 5 x 8 h + 4 h.
        #expect(try calendar.businessSeconds(from: instant("2027-03-01T00:00:00+07:00"), to: instant("2027-03-08T00:00:00+07:00")) == 44 * hour)
        // Lunch only: nothing. Backwards or empty spans: nothing.
        #expect(try calendar.businessSeconds(from: instant("2027-03-01T12:00:00+07:00"), to: instant("2027-03-01T13:30:00+07:00")) == 0)
        #expect(try calendar.businessSeconds(from: instant("2027-03-02T09:00:00+07:00"), to: instant("2027-03-01T09:00:00+07:00")) == 0)
        #expect(try calendar.businessSeconds(from: instant("2027-03-01T09:00:00+07:00"), to: instant("2027-03-01T09:00:00+07:00")) == 0)
        // Fractions of a second are rounded down: 09:00:00.75 to 09:00:02.5 is 1.75 s.
        let start = try instant("2027-03-01T09:00:00+07:00")
        #expect(calendar.businessSeconds(from: start.addingTimeInterval(0.75), to: start.addingTimeInterval(2.5)) == 1)
    }

    @Test func tetHolidaysPushTheDueTimePastTet() throws {
        // Tết 2027: Friday 02-05 to Thursday 02-11 closed.
        let tet = try makeCalendar(holidays: days(from: localDate("2027-02-05"), count: 7))
        let start = try instant("2027-02-04T16:00:00+07:00")  // Thursday
        // 1 h 30 min on Thursday; Friday 02-12 gives 4 h in the morning, the last 2 h 30 min run 13:30-16:00.
        #expect(try tet.add(8 * hour, to: start) == instant("2027-02-12T16:00:00+07:00"))
        // Without the holidays the same ticket is due on Friday 02-05 at 16:00.
        #expect(try calendar.add(8 * hour, to: start) == instant("2027-02-05T16:00:00+07:00"))
        #expect(try tet.businessSeconds(from: instant("2027-02-05T00:00:00+07:00"), to: instant("2027-02-12T00:00:00+07:00")) == 0)
        #expect(try !tet.isOpen(at: instant("2027-02-08T09:00:00+07:00")))
        #expect(try tet.isOpen(at: instant("2027-02-04T16:00:00+07:00")))
    }
}
