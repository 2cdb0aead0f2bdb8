import Foundation

/// A tenant's business time: weekly opening hours and whole-day holidays, read in the tenant's
/// time zone. SLA targets are amounts of business time, so this is where a target becomes a due
/// instant and where elapsed real time becomes consumed business time.
///
/// Everything is evaluated on the local wall clock of `timeZone`, including daylight saving
/// days: an interval 01:00-04:00 on a spring-forward day lasts two real hours, on a fall-back
/// day four. Skipped and repeated wall times follow `WallClock`'s rule.
public struct BusinessCalendar: Sendable {
    /// Consecutive closed days after which counting gives up. Weekly hours always have some open
    /// time, so only holidays can close this many days in a row, and three years of them is a
    /// configuration error rather than a real calendar.
    public static let maximumClosedDays = 3 * 366

    public let timeZone: TimeZone
    public let hours: WeeklyHours
    /// Local days closed all day; a holiday closes the intervals listed for its own weekday,
    /// so the part of a night shift after midnight belongs to the following day.
    public let holidays: Set<LocalDate>
    private let clock: WallClock

    /// Throws for an unknown zone identifier (e.g. "Asia/Ho_Chi_Minh" is known) and for hours
    /// without any open time, which would make every due time infinitely far away.
    public init(
        timeZoneIdentifier: String,
        hours: WeeklyHours,
        holidays: Set<LocalDate> = []
    ) throws(BusinessCalendarError) {
        guard let timeZone = TimeZone(identifier: timeZoneIdentifier) else {
            throw .unknownTimeZone(timeZoneIdentifier)
        }
        guard !hours.isAlwaysClosed else { throw .noOpeningHours }
        self.timeZone = timeZone
        self.hours = hours
        self.holidays = holidays
        clock = WallClock(timeZone: timeZone)
    }

    /// The local day in the calendar's zone at `instant`, e.g. which day's hours and holidays apply.
    public func localDate(of instant: Date) -> LocalDate {
        clock.localDate(of: instant.timeIntervalSince1970)
    }

    public func isOpen(at instant: Date) -> Bool {
        let time = instant.timeIntervalSince1970
        let date = clock.localDate(of: time)
        // Where a clock fell back across midnight (Newfoundland until 2011 went from 00:01 back to
        // 23:01), an instant can show the previous day yet lie in an interval of the next day.
        return [date, date.adding(days: 1)].contains { day in
            openIntervals(on: day).contains { $0.contains(time) }
        }
    }

    /// `instant` itself when open, otherwise the next opening.
    public func firstOpenInstant(atOrAfter instant: Date) throws(BusinessCalendarError) -> Date {
        try add(0, to: instant)
    }

    /// The instant at which `seconds` of business time have passed since `start`.
    ///
    /// Counting starts at the next opening when `start` is closed, so adding 0 gives the first
    /// open instant. When the amount runs out exactly at a closing time, that closing time is the
    /// answer (a target met at 17:30 is due at 17:30, not at the next morning's opening).
    public func add(_ seconds: Int, to start: Date) throws(BusinessCalendarError) -> Date {
        precondition(seconds >= 0, "business time can only be added, not subtracted")
        return Date(timeIntervalSince1970: try advance(TimeInterval(seconds), from: start.timeIntervalSince1970))
    }

    /// Whole seconds of business time between `start` and `end`, rounded down; 0 when `end` is
    /// not after `start`.
    public func businessSeconds(from start: Date, to end: Date) -> Int {
        Int(businessDuration(from: start.timeIntervalSince1970, to: end.timeIntervalSince1970).rounded(.down))
    }

    /// `add` in seconds since 1970 with fractional amounts, for clocks that carry remainders.
    func advance(_ seconds: TimeInterval, from start: TimeInterval) throws(BusinessCalendarError) -> TimeInterval {
        var remaining = seconds
        // Intervals of earlier days end before `start` (wall times map to instants in order).
        let firstDate = clock.localDate(of: start)
        var date = firstDate
        var closedDays = 0
        while closedDays < Self.maximumClosedDays {
            let intervals = openIntervals(on: date)
            closedDays = intervals.isEmpty ? closedDays + 1 : 0
            for interval in intervals where interval.upperBound > start {
                let from = max(interval.lowerBound, start)
                let available = interval.upperBound - from
                if remaining <= available { return from + remaining }
                remaining -= available
            }
            date = date.adding(days: 1)
        }
        throw .noOpeningWithin(days: Self.maximumClosedDays, after: firstDate)
    }

    /// Business time between two instants in seconds since 1970, with fractions.
    func businessDuration(from start: TimeInterval, to end: TimeInterval) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        var date = clock.localDate(of: start)
        // One day more for a clock that fell back across midnight, as in `isOpen(at:)`.
        let lastDate = clock.localDate(of: end).adding(days: 1)
        while date <= lastDate {
            for interval in openIntervals(on: date) {
                total += max(0, min(interval.upperBound, end) - max(interval.lowerBound, start))
            }
            date = date.adding(days: 1)
        }
        return total
    }

    /// The open stretches of one local day as instants, earliest first; empty on holidays and on
    /// intervals that a spring-forward jump removes entirely.
    private func openIntervals(on date: LocalDate) -> [Range<TimeInterval>] {
        guard !holidays.contains(date) else { return [] }
        return hours.intervals(on: date.weekday).compactMap { interval in
            let opening = TimeInterval(clock.instant(of: date, minute: interval.start))
            let closing = TimeInterval(clock.instant(of: date, minute: interval.end))
            return opening < closing ? opening..<closing : nil
        }
    }
}
