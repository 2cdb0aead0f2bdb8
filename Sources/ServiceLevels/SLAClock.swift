import Foundation

/// The clock of one SLA target (first response or resolution) for one ticket.
///
/// A plain value rebuilt from stored facts (start, target, pauses) whenever a due time or status
/// is needed, so nothing has to be kept in sync when a ticket is paused, resumed or re-prioritised:
/// the caller builds a new clock with the new target or pause list.
public struct SLAClock: Sendable {
    /// A stretch during which the clock stood still, such as a stage waiting on the customer.
    public struct Pause: Hashable, Sendable {
        public var from: Date
        /// Nil while the ticket is still paused.
        public var to: Date?

        public init(from: Date, to: Date?) {
            self.from = from
            self.to = to
        }
    }

    public enum Status: String, Sendable {
        case onTrack
        /// At or past the warning fraction but the target is not yet used up.
        case warning
        /// The whole target is used up; reaching it exactly counts as breached.
        case breached
    }

    public let calendar: BusinessCalendar
    public let start: Date
    /// Business seconds allowed; 0 means due at the first open instant.
    public let target: Int
    public let pauses: [Pause]
    /// The pauses merged, sorted and clipped to begin no earlier than `start`, in seconds since
    /// 1970; a pause still running ends at infinity.
    private let stoppages: [Range<TimeInterval>]

    /// Pauses may come in any order, overlap each other, reach back before `start` or lie in
    /// closed hours; only business time that is both after `start` and inside a pause is excluded.
    /// Pauses that end before they begin are ignored.
    public init(calendar: BusinessCalendar, start: Date, target: Int, pauses: [Pause] = []) {
        precondition(target >= 0, "an SLA target cannot be negative")
        self.calendar = calendar
        self.start = start
        self.target = target
        self.pauses = pauses
        let begin = start.timeIntervalSince1970
        let ranges = pauses.compactMap { pause -> Range<TimeInterval>? in
            let from = max(pause.from.timeIntervalSince1970, begin)
            let to = pause.to?.timeIntervalSince1970 ?? .infinity
            return from < to ? from..<to : nil
        }
        var merged: [Range<TimeInterval>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        stoppages = merged
    }

    /// When the target is used up, later by the business time spent in pauses.
    ///
    /// Nil while a pause is still running and the target was not yet used up when it began:
    /// the due time depends on when the ticket resumes, which nobody knows yet. A target used up
    /// before the running pause began still has its (past) due time. Throws only when holidays
    /// leave no business hours for years (see `BusinessCalendar.add`).
    public var due: Date? {
        get throws(BusinessCalendarError) {
            var cursor = start.timeIntervalSince1970
            var remaining = TimeInterval(target)
            for stoppage in stoppages {
                let before = calendar.businessDuration(from: cursor, to: stoppage.lowerBound)
                if before >= remaining { break }
                remaining -= before
                guard stoppage.upperBound.isFinite else { return nil }
                cursor = stoppage.upperBound
            }
            return Date(timeIntervalSince1970: try calendar.advance(remaining, from: cursor))
        }
    }

    /// Whole business seconds counted against the target up to `now`, pauses excluded.
    /// During a running pause this stays at its value when the pause began.
    public func consumed(at now: Date) -> Int {
        let begin = start.timeIntervalSince1970
        let end = now.timeIntervalSince1970
        var total = calendar.businessDuration(from: begin, to: end)
        for stoppage in stoppages where stoppage.lowerBound < end {
            total -= calendar.businessDuration(from: stoppage.lowerBound, to: min(stoppage.upperBound, end))
        }
        return Int(max(0, total).rounded(.down))
    }

    /// The share of the target consumed at `now`, above 1 once breached. A zero target counts as
    /// fully used from the start, since it is due immediately.
    public func fraction(at now: Date) -> Double {
        target > 0 ? Double(consumed(at: now)) / Double(target) : 1
    }

    /// Compares consumption with the target: breached from 100% on, warning from `warningAt`
    /// (a fraction such as 0.8) on, on track before.
    public func status(at now: Date, warningAt: Double = 0.8) -> Status {
        let used = consumed(at: now)
        if used >= target { return .breached }
        return Double(used) / Double(target) >= warningAt ? .warning : .onTrack
    }
}
