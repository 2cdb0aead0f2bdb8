/// A day of the week, Monday first as in Vietnamese and ISO usage.
///
/// Raw values run Monday = 0 ... Sunday = 6 so a weekday can index a week's opening hours directly.
public enum Weekday: Int, CaseIterable, Comparable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The three-letter English name used in the compact hours text ("mon" ... "sun").
    public var abbreviation: String {
        switch self {
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        case .sunday: "sun"
        }
    }

    /// Reads an abbreviation case-insensitively, so "Mon" typed by an admin is accepted.
    init?(abbreviation: String) {
        let lowered = abbreviation.lowercased()
        guard let day = Weekday.allCases.first(where: { $0.abbreviation == lowered }) else { return nil }
        self = day
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
