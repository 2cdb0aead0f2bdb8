import Foundation
import ServiceLevels
import Testing

struct ShiftAndZoneTests {
    @Test func roundTheClockBusinessTimeIsRealTime() throws {
        let always = try makeCalendar(hours: "mon-sun 00:00-24:00")
        let start = try instant("2027-03-05T23:59:30+07:00")
        for seconds in [0, 1, 30, 3_600, 86_400, 7 * 86_400 + 17, 45 * 86_400] {
            let due = try always.add(seconds, to: start)
            #expect(due == start.addingTimeInterval(TimeInterval(seconds)))
            #expect(always.businessSeconds(from: start, to: due) == seconds)
        }
        #expect(try always.isOpen(at: instant("2027-03-07T00:00:00+07:00")))
    }

    @Test func nightShiftSplitAcrossMidnight() throws {
        // Nights from Monday 22:00 to Saturday 06:00, each 8 h long.
        let nights = try makeCalendar(hours: "mon-fri 22:00-24:00; tue-sat 00:00-06:00")
        // Monday 23:00 + 3 h: 1 h before midnight, 2 h after.
        #expect(try nights.add(3 * hour, to: instant("2027-03-01T23:00:00+07:00")) == instant("2027-03-02T02:00:00+07:00"))
        // Saturday 05:00 + 2 h: 1 h until 06:00, then the next night starts Monday 22:00.
        #expect(try nights.add(2 * hour, to: instant("2027-03-06T05:00:00+07:00")) == instant("2027-03-08T23:00:00+07:00"))
        // Tuesday noon is closed: 1 h from 22:00.
        #expect(try nights.add(hour, to: instant("2027-03-02T12:00:00+07:00")) == instant("2027-03-02T23:00:00+07:00"))
        // One night is 8 continuous hours; the week holds five nights.
        #expect(try nights.businessSeconds(from: instant("2027-03-01T22:00:00+07:00"), to: instant("2027-03-02T06:00:00+07:00")) == 8 * hour)
        #expect(try nights.businessSeconds(from: instant("2027-03-01T00:00:00+07:00"), to: instant("2027-03-08T00:00:00+07:00")) == 40 * hour)
        #expect(try nights.isOpen(at: instant("2027-03-02T00:00:00+07:00")))
        #expect(try !nights.isOpen(at: instant("2027-03-06T06:00:00+07:00")))
        #expect(try !nights.isOpen(at: instant("2027-03-01T21:59:59+07:00")))
    }

    @Test func sameInstantGivesDifferentDueTimesPerZone() throws {
        let vietnam = try makeCalendar()
        let london = try makeCalendar("Europe/London")
        let created = try instant("2027-03-07T20:00:00Z")
        // Vietnam: Monday 03:00 local, opens 08:00, due 09:00 +07 = 02:00 UTC.
        #expect(try vietnam.add(hour, to: created) == instant("2027-03-08T02:00:00Z"))
        // London (GMT in March before the 28th): Sunday 20:00, opens Monday 08:00, due 09:00 UTC.
        #expect(try london.add(hour, to: created) == instant("2027-03-08T09:00:00Z"))
    }

    @Test func utcInstantMapsToTheLocalDay() throws {
        let vietnam = try makeCalendar()
        let london = try makeCalendar("Europe/London")
        // 20:00 UTC on Sunday is already 03:00 on Monday in Vietnam.
        #expect(try vietnam.localDate(of: instant("2027-03-07T20:00:00Z")) == localDate("2027-03-08"))
        #expect(try london.localDate(of: instant("2027-03-07T20:00:00Z")) == localDate("2027-03-07"))
        // Vietnamese midnight is 17:00 UTC: the day changes exactly there.
        #expect(try vietnam.localDate(of: instant("2027-03-07T17:00:00Z")) == localDate("2027-03-08"))
        #expect(try vietnam.localDate(of: instant("2027-03-07T16:59:59Z")) == localDate("2027-03-07"))
        // Saturday 08:00 opens the office in Vietnam; it is 01:00 in London, which is closed.
        #expect(try vietnam.isOpen(at: instant("2027-03-06T01:00:00Z")))
        #expect(try !london.isOpen(at: instant("2027-03-06T01:00:00Z")))
    }

    @Test func instantsBefore1970MapToTheirDay() throws {
        let utc = try makeCalendar("UTC")
        #expect(try utc.localDate(of: Date(timeIntervalSince1970: -1)) == localDate("1969-12-31"))
        #expect(try utc.localDate(of: Date(timeIntervalSince1970: -86_400)) == localDate("1969-12-31"))
        #expect(try utc.localDate(of: Date(timeIntervalSince1970: -86_401)) == localDate("1969-12-30"))
        #expect(try utc.localDate(of: Date(timeIntervalSince1970: 0)) == localDate("1970-01-01"))
    }

    /// The local day must agree with Foundation's Gregorian calendar in the same zone, also in
    /// zones with daylight saving and far from UTC.
    @Test(arguments: ["Asia/Ho_Chi_Minh", "Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "America/St_Johns"])
    func localDayAgreesWithFoundation(zone: String) throws {
        let calendar = try makeCalendar(zone)
        var foundation = Calendar(identifier: .gregorian)
        foundation.timeZone = calendar.timeZone
        var generator = SplitMix64(seed: 11)
        let from = try instant("2026-01-01T00:00:00Z").timeIntervalSince1970
        for _ in 0..<400 {
            let moment = Date(timeIntervalSince1970: from + Double(Int.random(in: 0..<(3 * 366 * 86_400), using: &generator)))
            let parts = foundation.dateComponents([.year, .month, .day], from: moment)
            #expect(calendar.localDate(of: moment) == LocalDate(year: parts.year!, month: parts.month!, day: parts.day!))
        }
    }
}
