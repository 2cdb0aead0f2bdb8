import Foundation
import ServiceLevels
import Testing

/// Europe/Berlin in 2027: clocks jump 02:00 CET -> 03:00 CEST on Sunday 03-28 at 01:00 UTC and
/// fall back 03:00 CEST -> 02:00 CET on Sunday 10-31 at 01:00 UTC.
struct DaylightSavingTests {
    @Test func roundTheClockDaysLast23And25Hours() throws {
        let always = try makeCalendar("Europe/Berlin", hours: "mon-sun 00:00-24:00")
        // Local midnight 03-28 is 23:00 UTC (CET); local midnight 03-29 is 22:00 UTC (CEST).
        #expect(try always.businessSeconds(from: instant("2027-03-27T23:00:00Z"), to: instant("2027-03-28T22:00:00Z")) == 23 * hour)
        // Local midnight 10-31 is 22:00 UTC (CEST); local midnight 11-01 is 23:00 UTC (CET).
        #expect(try always.businessSeconds(from: instant("2027-10-30T22:00:00Z"), to: instant("2027-10-31T23:00:00Z")) == 25 * hour)
        // Business time is real time: 24 h after local midnight is 01:00 CEST on 03-29.
        #expect(try always.add(24 * hour, to: instant("2027-03-27T23:00:00Z")) == instant("2027-03-28T23:00:00Z"))
        #expect(try always.add(24 * hour, to: instant("2027-10-30T22:00:00Z")) == instant("2027-10-31T22:00:00Z"))
        // The repeated hour is open too.
        #expect(try always.isOpen(at: instant("2027-10-31T01:30:00Z")))
    }

    @Test func earlyMorningIntervalOnChangeDays() throws {
        let early = try makeCalendar("Europe/Berlin", hours: "mon-sun 01:00-04:00")
        // Ordinary day 03-27: 01:00-04:00 CET = 00:00-03:00 UTC, 3 h.
        #expect(try early.businessSeconds(from: instant("2027-03-27T00:00:00Z"), to: instant("2027-03-28T00:00:00Z")) == 3 * hour)
        // Spring forward: 01:00 CET = 00:00 UTC to 04:00 CEST = 02:00 UTC, 2 h.
        #expect(try early.businessSeconds(from: instant("2027-03-27T22:00:00Z"), to: instant("2027-03-28T21:00:00Z")) == 2 * hour)
        // Fall back: 01:00 CEST = 23:00 UTC the day before to 04:00 CET = 03:00 UTC, 4 h.
        #expect(try early.businessSeconds(from: instant("2027-10-30T21:00:00Z"), to: instant("2027-10-31T21:00:00Z")) == 4 * hour)
        // 00:30 CET on 03-28 + 2 h 30 min: the 2 h of that night, then 30 min from 01:00 CEST on
        // 03-29 (= 23:00 UTC on 03-28).
        #expect(try early.add(150 * minute, to: instant("2027-03-27T23:30:00Z")) == instant("2027-03-28T23:30:00Z"))
        // 00:30 CEST on 10-31 + 4 h uses the whole long night: due 04:00 CET = 03:00 UTC.
        #expect(try early.add(4 * hour, to: instant("2027-10-30T22:30:00Z")) == instant("2027-10-31T03:00:00Z"))
        // 03:30 CEST on 03-28 (01:30 UTC) is inside the short night.
        #expect(try early.isOpen(at: instant("2027-03-28T01:30:00Z")))
        // The second 02:30 of 10-31 (CET, 01:30 UTC) is inside the long night.
        #expect(try early.isOpen(at: instant("2027-10-31T01:30:00Z")))
    }

    @Test func skippedOpeningTimeOpensWhenTheClockJumps() throws {
        // 02:30 does not exist on 03-28: the office opens at the jump, 03:00 CEST = 01:00 UTC,
        // and closes at 03:30 CEST = 01:30 UTC: 30 min.
        let odd = try makeCalendar("Europe/Berlin", hours: "sun 02:30-03:30")
        #expect(try odd.add(0, to: instant("2027-03-27T23:00:00Z")) == instant("2027-03-28T01:00:00Z"))
        #expect(try odd.businessSeconds(from: instant("2027-03-27T23:00:00Z"), to: instant("2027-03-28T22:00:00Z")) == 30 * minute)
        // An interval lying wholly in the skipped hour vanishes that day: next Sunday 02:15 CEST.
        let vanished = try makeCalendar("Europe/Berlin", hours: "sun 02:15-02:45")
        #expect(try vanished.add(0, to: instant("2027-03-27T23:00:00Z")) == instant("2027-04-04T00:15:00Z"))
    }

    @Test func repeatedOpeningTimeMeansItsFirstOccurrence() throws {
        // On 10-31, 02:30 first occurs in CEST (00:30 UTC); 03:30 CET is 02:30 UTC: 2 h.
        let odd = try makeCalendar("Europe/Berlin", hours: "sun 02:30-03:30")
        #expect(try odd.add(0, to: instant("2027-10-30T22:00:00Z")) == instant("2027-10-31T00:30:00Z"))
        #expect(try odd.businessSeconds(from: instant("2027-10-30T22:00:00Z"), to: instant("2027-10-31T23:00:00Z")) == 2 * hour)
    }

    @Test func localDayChangesAtLocalMidnightAcrossTheChange() throws {
        let berlin = try makeCalendar("Europe/Berlin")
        #expect(try berlin.localDate(of: instant("2027-03-27T23:00:00Z")) == localDate("2027-03-28"))
        #expect(try berlin.localDate(of: instant("2027-03-27T22:59:59Z")) == localDate("2027-03-27"))
        #expect(try berlin.localDate(of: instant("2027-10-30T22:00:00Z")) == localDate("2027-10-31"))
        #expect(try berlin.localDate(of: instant("2027-10-31T22:59:59Z")) == localDate("2027-10-31"))
    }

    /// Newfoundland fell back at 00:01 until 2011: on 2010-11-07 at 02:31 UTC the clock went
    /// from Sunday 00:00:59 NDT (-2:30) back to Saturday 23:01 NST (-3:30).
    @Test func clockFallingBackAcrossMidnight() throws {
        let sundayNight = try makeCalendar("America/St_Johns", hours: "sun 00:00-01:00")
        // Sunday 00:00 is first shown at 02:30 UTC; 01:00 only at 04:30 UTC (NST): 2 h.
        #expect(try sundayNight.businessSeconds(from: instant("2010-11-06T12:00:00Z"), to: instant("2010-11-07T12:00:00Z")) == 2 * hour)
        // 03:00 UTC shows Saturday 23:29 NST, yet it lies in Sunday's interval.
        #expect(try sundayNight.localDate(of: instant("2010-11-07T03:00:00Z")) == localDate("2010-11-06"))
        #expect(try sundayNight.isOpen(at: instant("2010-11-07T03:00:00Z")))
        #expect(try sundayNight.add(90 * minute, to: instant("2010-11-07T03:00:00Z")) == instant("2010-11-07T04:30:00Z"))
        #expect(try sundayNight.businessSeconds(from: instant("2010-11-07T02:00:00Z"), to: instant("2010-11-07T03:00:00Z")) == 30 * minute)
        // Saturday 23:00-24:00 ends when Sunday is first shown, 23:00 NDT to 00:00 NDT: 1 h.
        let saturdayNight = try makeCalendar("America/St_Johns", hours: "sat 23:00-24:00")
        #expect(try saturdayNight.businessSeconds(from: instant("2010-11-06T12:00:00Z"), to: instant("2010-11-07T12:00:00Z")) == hour)
    }
}
