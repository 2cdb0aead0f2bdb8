import Foundation

/// Turns the compact hours text into per-weekday interval lists; see `WeeklyHours.init(parsing:)`.
///
/// Strict on purpose: every mistake is reported rather than guessed around, since a wrong
/// reading would silently shift every SLA due time of the tenant.
enum WeeklyHoursParser {
    static func parse(_ text: String) throws(WeeklyHoursFormatError) -> [[OpeningInterval]] {
        var week: [[OpeningInterval]] = Array(repeating: [], count: Weekday.allCases.count)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty {
            for (index, rawEntry) in trimmed.split(separator: ";", omittingEmptySubsequences: false).enumerated() {
                let entry = rawEntry.trimmingCharacters(in: .whitespaces)
                guard !entry.isEmpty else { throw .emptyEntry(position: index + 1) }
                // Day names contain no digits and times start with one, so the first digit splits the entry.
                let split = entry.firstIndex(where: \.isNumber) ?? entry.endIndex
                let daysText = entry[..<split].trimmingCharacters(in: .whitespaces)
                let hoursText = String(entry[split...])
                guard !daysText.isEmpty else { throw .missingDays(entry: entry) }
                guard !hoursText.isEmpty else { throw .missingHours(entry: entry) }
                let intervals = try parseIntervals(hoursText)
                for day in try parseDays(daysText) {
                    week[day.rawValue] += intervals
                }
            }
        }
        return try week.enumerated().map { (index, intervals) throws(WeeklyHoursFormatError) in
            try sortedWithoutOverlaps(intervals, on: Weekday(rawValue: index)!)
        }
    }

    /// Reads "mon-fri,sun" into weekdays; naming a day twice in one list is taken for a typo.
    private static func parseDays(_ text: String) throws(WeeklyHoursFormatError) -> [Weekday] {
        var days: [Weekday] = []
        for rawItem in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = rawItem.trimmingCharacters(in: .whitespaces)
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            switch ends.count {
            case 1:
                guard let day = Weekday(abbreviation: item) else { throw .unknownDay(item) }
                days.append(day)
            case 2:
                guard let first = Weekday(abbreviation: ends[0]) else { throw .unknownDay(ends[0]) }
                guard let last = Weekday(abbreviation: ends[1]) else { throw .unknownDay(ends[1]) }
                guard first <= last else { throw .backwardDayRange(item) }
                days += Weekday.allCases.filter { (first...last).contains($0) }
            default:
                throw .unknownDay(item)
            }
        }
        for (index, day) in days.enumerated() where days[..<index].contains(day) {
            throw .dayGivenTwice(day)
        }
        return days
    }

    /// Reads "08:00-12:00,13:30-17:30" into intervals, in the order written.
    private static func parseIntervals(_ text: String) throws(WeeklyHoursFormatError) -> [OpeningInterval] {
        var intervals: [OpeningInterval] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let rangeText = item.filter { !$0.isWhitespace }
            let ends = rangeText.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard ends.count == 2 else { throw .malformedInterval(rangeText) }
            let start = try parseTime(ends[0])
            let end = try parseTime(ends[1])
            guard start != end else { throw .emptyInterval(rangeText) }
            guard start < end else { throw .endsBeforeStart(rangeText) }
            intervals.append(OpeningInterval(start: start, end: end))
        }
        return intervals
    }

    /// A day may collect intervals from several entries (a night shift's "22:00-24:00" and the
    /// next day's "00:00-06:00"), so overlaps are checked once all entries are read.
    private static func sortedWithoutOverlaps(
        _ intervals: [OpeningInterval],
        on day: Weekday
    ) throws(WeeklyHoursFormatError) -> [OpeningInterval] {
        let sorted = intervals.sorted { $0.start < $1.start }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.start < earlier.end {
            throw .overlappingIntervals(day: day, first: earlier.description, second: later.description)
        }
        return sorted
    }

    /// Reads "H:MM" or "HH:MM" into minutes after midnight; 24:00 is the only time past 23:59.
    private static func parseTime(_ text: String) throws(WeeklyHoursFormatError) -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]),
            minutes < 60, hours < 24 || (hours == 24 && minutes == 0)
        else { throw .invalidTime(text) }
        return hours * 60 + minutes
    }
}
