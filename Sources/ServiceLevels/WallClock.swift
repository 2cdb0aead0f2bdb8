import Foundation

/// Converts between instants and the local wall clock of one time zone.
///
/// Foundation does not pin down what a wall time that is skipped or repeated by a daylight
/// saving change means (it differs between platforms and options), and SLA due times must not
/// depend on that. So the rule here is explicit: a wall time stands for the first instant at
/// which the local clock shows that time or later. A repeated time (autumn) therefore means its
/// first occurrence, and a skipped time (spring) means the instant the clock jumps. The mapping
/// never goes backwards, so opening intervals never overlap, not even across midnight.
///
/// Works in whole seconds since 1970 (as `Int`), like the zone offsets themselves.
struct WallClock: Sendable {
    let timeZone: TimeZone

    /// The local day the clock shows at `instant`.
    func localDate(of instant: TimeInterval) -> LocalDate {
        let seconds = Int(instant.rounded(.down))
        let wall = seconds + offset(at: seconds)
        let days = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        return LocalDate(daysSinceEpoch: days)
    }

    /// The first instant at which the clock shows `minute` minutes past midnight of `date` or later.
    /// `minute` may be 1440, which is midnight at the start of the next day.
    func instant(of date: LocalDate, minute: Int) -> Int {
        let wall = date.daysSinceEpoch * 86_400 + minute * 60
        // Offsets ever in use lie within ±14 hours, so the offsets a day either side of the wall
        // reading (as if it were UTC) cover the instants that can show it.
        let earlier = offset(at: wall - 86_400)
        let later = offset(at: wall + 86_400)
        // A larger offset gives an earlier instant; try it first to get the first occurrence.
        for candidate in Set([earlier, later]).sorted(by: >) where offset(at: wall - candidate) == candidate {
            return wall - candidate
        }
        // The clock jumps over `wall`: find the jump by bisection between the instant the clock
        // still shows less (`low`) and the instant it already shows more (`high`).
        var low = wall - max(earlier, later)
        var high = wall - min(earlier, later)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if middle + offset(at: middle) >= wall {
                high = middle
            } else {
                low = middle
            }
        }
        return high
    }

    private func offset(at seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
