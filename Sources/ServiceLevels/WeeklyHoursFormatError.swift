/// Why a weekly hours text was rejected; `description` is meant to be shown to the tenant admin
/// who typed it, so each case names the offending piece of text.
public enum WeeklyHoursFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The entry at this 1-based position between `;` separators is blank.
    case emptyEntry(position: Int)
    /// An entry starts with hours instead of days.
    case missingDays(entry: String)
    /// An entry names days but gives no hours.
    case missingHours(entry: String)
    case unknownDay(String)
    /// A day range such as "fri-mon"; wrapping over Sunday is refused as ambiguous.
    case backwardDayRange(String)
    /// The same day appears twice in one day list, such as "mon-fri,wed".
    case dayGivenTwice(Weekday)
    /// Text in the hours list that is not of the shape "HH:MM-HH:MM".
    case malformedInterval(String)
    /// A time outside 00:00...24:00 or not written as H:MM / HH:MM.
    case invalidTime(String)
    case endsBeforeStart(String)
    case emptyInterval(String)
    /// Two intervals of one day overlap, whether written in one entry or in two.
    case overlappingIntervals(day: Weekday, first: String, second: String)

    public var description: String {
        switch self {
        case .emptyEntry(let position):
            "entry \(position) is empty"
        case .missingDays(let entry):
            "\"\(entry)\" does not start with days such as mon-fri"
        case .missingHours(let entry):
            "\"\(entry)\" gives no hours such as 08:00-12:00"
        case .unknownDay(let text):
            "unknown day \"\(text)\" (expected mon, tue, wed, thu, fri, sat or sun)"
        case .backwardDayRange(let text):
            "day range \"\(text)\" runs backwards; list the days in week order instead"
        case .dayGivenTwice(let day):
            "\(day.abbreviation) is given twice"
        case .malformedInterval(let text):
            "\"\(text)\" is not an interval such as 08:00-12:00"
        case .invalidTime(let text):
            "\"\(text)\" is not a time from 00:00 to 24:00"
        case .endsBeforeStart(let text):
            "\(text) ends before it starts"
        case .emptyInterval(let text):
            "\(text) is empty"
        case .overlappingIntervals(let day, let first, let second):
            "overlapping intervals on \(day.abbreviation): \(first) and \(second)"
        }
    }
}
