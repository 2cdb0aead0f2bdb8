import Foundation
import ServiceLevels
import Testing

/// Target of 10,000 business seconds from Monday 2027-03-01 08:00 in Vietnam; the morning block
/// (4 h = 14,400 s) holds the whole target, so business seconds equal real seconds here.
struct SLAStatusTests {
    let clock: SLAClock
    let opening: Date

    init() throws {
        opening = try instant("2027-03-01T08:00:00+07:00")
        clock = SLAClock(calendar: try makeCalendar(), start: opening, target: 10_000)
    }

    @Test(arguments: [
        (7_900, SLAClock.Status.onTrack),  // 79 %
        (7_999, .onTrack),
        (8_000, .warning),  // exactly 80 %
        (9_990, .warning),  // 99.9 %
        (9_999, .warning),
        (10_000, .breached),  // exactly 100 %
        (12_000, .breached),
    ])
    func statusAgainstDefaultWarningAt80Percent(elapsed: Int, expected: SLAClock.Status) {
        #expect(clock.status(at: opening.addingTimeInterval(TimeInterval(elapsed))) == expected)
    }

    @Test func fractionOfTheTarget() {
        #expect(clock.fraction(at: opening.addingTimeInterval(8_000)) == 0.8)
        #expect(clock.fraction(at: opening.addingTimeInterval(12_000)) == 1.2)
        #expect(clock.fraction(at: opening.addingTimeInterval(-60)) == 0)
    }

    @Test func customWarningThreshold() {
        #expect(clock.status(at: opening.addingTimeInterval(4_999), warningAt: 0.5) == .onTrack)
        #expect(clock.status(at: opening.addingTimeInterval(5_000), warningAt: 0.5) == .warning)
    }

    @Test func lunchDoesNotCount() throws {
        // Started 11:00 with a 2 h target: at 13:00 only 11:00-12:00 has passed, half the target.
        let beforeLunch = SLAClock(calendar: try makeCalendar(), start: try instant("2027-03-01T11:00:00+07:00"), target: 2 * hour)
        #expect(try beforeLunch.fraction(at: instant("2027-03-01T13:00:00+07:00")) == 0.5)
        #expect(try beforeLunch.status(at: instant("2027-03-01T13:00:00+07:00")) == .onTrack)
        #expect(try beforeLunch.due == instant("2027-03-01T14:30:00+07:00"))
    }

    @Test func zeroTargetIsDueAtTheFirstOpenInstantAndBreachedAtOnce() throws {
        let immediate = SLAClock(calendar: try makeCalendar(), start: try instant("2027-03-07T10:00:00+07:00"), target: 0)
        #expect(try immediate.due == instant("2027-03-08T08:00:00+07:00"))
        #expect(try immediate.status(at: instant("2027-03-07T10:00:00+07:00")) == .breached)
        #expect(try immediate.fraction(at: instant("2027-03-07T10:00:00+07:00")) == 1)
    }
}
