public import ServiceLevels

/// A debt period (kỳ nợ, E2): the span of draw dates whose amounts are owed together. The tenant
/// chooses weeks (Monday to Sunday, the default) or calendar months.
public struct DebtPeriod: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case week, month
    }

    public let kind: Kind
    /// The first day (a Monday, or the 1st).
    public let start: LocalDate
    /// The last day, included.
    public let end: LocalDate

    /// The period of `kind` that `day` falls in.
    public init(containing day: LocalDate, kind: Kind) {
        self.kind = kind
        switch kind {
        case .week:
            start = day.adding(days: -day.weekday.rawValue)  // Monday is 0
            end = start.adding(days: 6)
        case .month:
            start = LocalDate(year: day.year, month: day.month, day: 1)!
            let next = day.month == 12 ? LocalDate(year: day.year + 1, month: 1, day: 1)! : LocalDate(year: day.year, month: day.month + 1, day: 1)!
            end = next.adding(days: -1)
        }
    }

    /// A period by its name: `2026-W49` (ISO week) or `2026-12` (month). Nil for anything else.
    public init?(_ name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1900...2999).contains(year) else { return nil }
        if parts[1].first == "W" {
            let week = parts[1].dropFirst()
            guard week.count == 2, week.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(week), number >= 1 else { return nil }
            // ISO week 1 holds 4 January; its Monday starts the count.
            let fourth = LocalDate(year: year, month: 1, day: 4)!
            let monday = DebtPeriod(containing: fourth, kind: .week).start.adding(days: (number - 1) * 7)
            let period = DebtPeriod(containing: monday, kind: .week)
            guard period.isoWeek == (year, number) else { return nil }
            self = period
        } else {
            guard parts[1].count == 2, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let month = Int(parts[1]),
                let first = LocalDate(year: year, month: month, day: 1)
            else { return nil }
            self.init(containing: first, kind: .month)
        }
    }

    /// `2026-W49` or `2026-12`.
    public var description: String {
        switch kind {
        case .week:
            let (year, week) = isoWeek
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        case .month:
            return "\(start.year)-\(start.month < 10 ? "0" : "")\(start.month)"
        }
    }

    /// The ISO year and week number of a week period: the year its Thursday falls in.
    private var isoWeek: (year: Int, week: Int) {
        let thursday = start.adding(days: 3)
        let dayOfYear = thursday.days(since: LocalDate(year: thursday.year, month: 1, day: 1)!)
        return (thursday.year, dayOfYear / 7 + 1)
    }

    public static func < (lhs: DebtPeriod, rhs: DebtPeriod) -> Bool { lhs.start < rhs.start }
}
