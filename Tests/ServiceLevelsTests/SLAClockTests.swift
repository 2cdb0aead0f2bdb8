import Foundation
import ServiceLevels
import Testing

/// A resolution target of 8 business hours for a ticket created Monday 2027-03-01 09:00 in
/// Vietnam. Unpaused it is due Tuesday 09:00: 3 h + 4 h on Monday, 1 h on Tuesday.
struct SLAClockTests {
    let calendar: BusinessCalendar
    let monday9: Date

    init() throws {
        calendar = try makeCalendar()
        monday9 = try instant("2027-03-01T09:00:00+07:00")
    }

    func clock(_ pauses: [(String, String?)], start: Date? = nil, target: Int = 8 * hour) throws -> SLAClock {
        let list = try pauses.map { try SLAClock.Pause(from: instant($0.0), to: $0.1.map(instant)) }
        return SLAClock(calendar: calendar, start: start ?? monday9, target: target, pauses: list)
    }

    @Test func withoutPausesDueIsPlainBusinessTime() throws {
        #expect(try clock([]).due == instant("2027-03-02T09:00:00+07:00"))
    }

    @Test func pauseInsideHoursPushesDueByItsLength() throws {
        // One business hour paused: due one business hour later.
        let paused = try clock([("2027-03-01T10:00:00+07:00", "2027-03-01T11:00:00+07:00")])
        #expect(try paused.due == instant("2027-03-02T10:00:00+07:00"))
        // Over lunch only the open part counts: 11:00-12:00 and 13:30-14:00 = 1 h 30 min.
        let overLunch = try clock([("2027-03-01T11:00:00+07:00", "2027-03-01T14:00:00+07:00")])
        #expect(try overLunch.due == instant("2027-03-02T10:30:00+07:00"))
    }

    @Test func pausesInClosedTimeChangeNothing() throws {
        // Created Friday 09:00, target 12 h: 7 h Friday, 4 h Saturday, due Monday 09:00.
        let friday = try instant("2027-03-05T09:00:00+07:00")
        let plain = try clock([], start: friday, target: 12 * hour)
        let weekend = try clock(
            [
                ("2027-03-06T12:00:00+07:00", "2027-03-08T08:00:00+07:00"),
                ("2027-03-05T18:00:00+07:00", "2027-03-06T07:00:00+07:00"),
            ],
            start: friday,
            target: 12 * hour
        )
        #expect(try plain.due == instant("2027-03-08T09:00:00+07:00"))
        #expect(try weekend.due == plain.due)
        #expect(try weekend.consumed(at: instant("2027-03-08T08:00:00+07:00")) == 11 * hour)
    }

    @Test func overlappingUnsortedPausesCountOnce() throws {
        // Union: 10:00-11:30 and 14:00-15:00 = 2 h 30 min, so due Tuesday 11:30.
        let messy = try clock([
            ("2027-03-01T14:00:00+07:00", "2027-03-01T15:00:00+07:00"),
            ("2027-03-01T10:00:00+07:00", "2027-03-01T11:00:00+07:00"),
            ("2027-03-01T10:30:00+07:00", "2027-03-01T11:30:00+07:00"),
            ("2027-03-01T14:00:00+07:00", "2027-03-01T15:00:00+07:00"),
        ])
        #expect(try messy.due == instant("2027-03-02T11:30:00+07:00"))
        // A pause inside another adds nothing: 10:00-12:00 = 2 h, due Tuesday 11:00.
        let nested = try clock([
            ("2027-03-01T10:30:00+07:00", "2027-03-01T11:00:00+07:00"),
            ("2027-03-01T10:00:00+07:00", "2027-03-01T12:00:00+07:00"),
        ])
        #expect(try nested.due == instant("2027-03-02T11:00:00+07:00"))
    }

    @Test func pausesBeforeTheStartOnlyCountFromTheStartAndReversedOnesNotAtAll() throws {
        // 07:00-09:30 overlaps the ticket by 30 min: due Tuesday 09:30.
        #expect(try clock([("2027-03-01T07:00:00+07:00", "2027-03-01T09:30:00+07:00")]).due == instant("2027-03-02T09:30:00+07:00"))
        // Entirely before the start: no effect.
        #expect(try clock([("2027-02-28T10:00:00+07:00", "2027-03-01T08:30:00+07:00")]).due == instant("2027-03-02T09:00:00+07:00"))
        // Reversed (ending before it begins): ignored.
        #expect(try clock([("2027-03-01T11:00:00+07:00", "2027-03-01T10:00:00+07:00")]).due == instant("2027-03-02T09:00:00+07:00"))
    }

    @Test func runningPauseLeavesDueUnknownAndFreezesConsumption() throws {
        let waiting = try clock([("2027-03-01T10:00:00+07:00", nil)])
        #expect(try waiting.due == nil)
        // Consumed 09:00-10:00, then frozen however long the customer takes.
        #expect(try waiting.consumed(at: instant("2027-03-01T09:30:00+07:00")) == 30 * minute)
        #expect(try waiting.consumed(at: instant("2027-03-01T16:00:00+07:00")) == hour)
        #expect(try waiting.consumed(at: instant("2027-03-09T10:00:00+07:00")) == hour)
        #expect(try waiting.status(at: instant("2027-03-09T10:00:00+07:00")) == .onTrack)
        // Resumed and paused again: 09-10, 11-12, 13:30-15:00 = 3 h 30 min, still short of 8 h.
        let again = try clock([("2027-03-01T10:00:00+07:00", "2027-03-01T11:00:00+07:00"), ("2027-03-01T15:00:00+07:00", nil)])
        #expect(try again.due == nil)
        #expect(try again.consumed(at: instant("2027-03-02T15:00:00+07:00")) == 3 * hour + 30 * minute)
    }

    @Test func runningPauseAfterTheTargetWasUsedUpKeepsThePastDueTime() throws {
        // A 1 h target is used up at 10:00; the customer pause from 11:00 cannot undo that.
        let late = try clock([("2027-03-01T11:00:00+07:00", nil)], target: hour)
        #expect(try late.due == instant("2027-03-01T10:00:00+07:00"))
        #expect(try late.consumed(at: instant("2027-03-01T16:00:00+07:00")) == 2 * hour)
        #expect(try late.status(at: instant("2027-03-01T16:00:00+07:00")) == .breached)
    }

    @Test func targetUsedUpExactlyWhenAPauseBeginsIsDueThen() throws {
        // A 1 h target from 09:00 is used up at 10:00, the very moment the pause begins.
        #expect(try clock([("2027-03-01T10:00:00+07:00", nil)], target: hour).due == instant("2027-03-01T10:00:00+07:00"))
        #expect(
            try clock([("2027-03-01T10:00:00+07:00", "2027-03-01T11:00:00+07:00")], target: hour).due
                == instant("2027-03-01T10:00:00+07:00")
        )
    }

    @Test func consumedExcludesPausesAndStartsAtZero() throws {
        let paused = try clock([("2027-03-01T10:00:00+07:00", "2027-03-01T11:00:00+07:00")])
        // 09:00-16:00 holds 3 h + 2 h 30 min of business time, minus the 1 h pause.
        #expect(try paused.consumed(at: instant("2027-03-01T16:00:00+07:00")) == 4 * hour + 30 * minute)
        #expect(try paused.consumed(at: instant("2027-03-01T08:00:00+07:00")) == 0)
        #expect(paused.consumed(at: monday9) == 0)
    }

    @Test func consumedReachesTheTargetExactlyAtTheDueTime() throws {
        let cases = try [
            clock([]),
            clock([("2027-03-01T10:00:00+07:00", "2027-03-01T11:00:00+07:00")]),
            clock([("2027-03-01T14:00:00+07:00", "2027-03-01T15:00:00+07:00"), ("2027-03-01T07:00:00+07:00", "2027-03-01T09:30:00+07:00")]),
            clock([("2027-03-01T11:00:00+07:00", "2027-03-04T14:00:00+07:00")], target: 20 * hour),
        ]
        for clock in cases {
            let due = try #require(try clock.due)
            #expect(clock.consumed(at: due) == clock.target)
            #expect(clock.consumed(at: due.addingTimeInterval(-1)) == clock.target - 1)
            #expect(clock.status(at: due) == .breached)
            #expect(clock.status(at: due.addingTimeInterval(-1)) == .warning)
        }
    }
}
