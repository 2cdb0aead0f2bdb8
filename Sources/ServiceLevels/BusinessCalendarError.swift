/// Why a business calendar cannot be built or cannot answer.
public enum BusinessCalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownTimeZone(String)
    /// The weekly hours have no open time, so business time would never pass.
    case noOpeningHours
    /// Holidays close every open day for `days` days in a row after `after`; counting
    /// business time further would not end in any useful way.
    case noOpeningWithin(days: Int, after: LocalDate)

    public var description: String {
        switch self {
        case .unknownTimeZone(let identifier):
            "unknown time zone \"\(identifier)\""
        case .noOpeningHours:
            "the weekly hours have no open time"
        case .noOpeningWithin(let days, let date):
            "no business hours within \(days) days after \(date): holidays cover every open day"
        }
    }
}
