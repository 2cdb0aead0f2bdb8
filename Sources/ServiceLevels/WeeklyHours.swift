/// The regular opening hours of a business for each weekday, in local wall-clock time.
///
/// Stored and edited as compact text such as `"mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00"`,
/// so a tenant admin can type it in one field and the database keeps one readable column.
/// Days that are not mentioned are closed. Several intervals per day allow a lunch break;
/// `24:00` as an end lets night shifts run up to midnight and continue on the next day.
public struct WeeklyHours: Hashable, Sendable, CustomStringConvertible {
    /// Indexed by `Weekday.rawValue`; each list sorted and free of overlaps.
    private let days: [[OpeningInterval]]

    /// Parses the compact text form. An empty text is a week with no opening hours at all.
    ///
    /// Grammar: entries separated by `;`, each entry a day list followed by an interval list.
    /// Days are `mon tue wed thu fri sat sun`, combined as ranges (`mon-fri`) and lists (`mon,wed`);
    /// intervals are `HH:MM-HH:MM` separated by `,`. Whitespace around separators is ignored.
    /// A day named in several entries gets the intervals of all of them, so a night shift can be
    /// written `"mon-fri 22:00-24:00; tue-sat 00:00-06:00"`; they must not overlap.
    public init(parsing text: String) throws(WeeklyHoursFormatError) {
        days = try WeeklyHoursParser.parse(text)
    }

    /// The opening intervals of `day`, earliest first; empty when closed.
    public func intervals(on day: Weekday) -> [OpeningInterval] {
        days[day.rawValue]
    }

    /// True when no day has any opening interval, a week in which business time never passes.
    public var isAlwaysClosed: Bool {
        days.allSatisfy(\.isEmpty)
    }

    /// The canonical text form, which parses back to an equal value.
    ///
    /// Days with identical hours are grouped in order of their first day, and runs of
    /// consecutive days are written as ranges: `"mon-fri 08:00-17:00; sat 08:00-12:00"`.
    public var description: String {
        var groups: [(days: [Weekday], intervals: [OpeningInterval])] = []
        for day in Weekday.allCases where !days[day.rawValue].isEmpty {
            if let index = groups.firstIndex(where: { $0.intervals == days[day.rawValue] }) {
                groups[index].days.append(day)
            } else {
                groups.append(([day], days[day.rawValue]))
            }
        }
        return groups.map { group in
            Self.dayListText(group.days) + " " + group.intervals.map(\.description).joined(separator: ",")
        }.joined(separator: "; ")
    }

    /// Writes ascending days as comma-separated runs, a run of two or more as "first-last".
    private static func dayListText(_ days: [Weekday]) -> String {
        var runs: [[Weekday]] = []
        for day in days {
            if let last = runs.last?.last, last.rawValue + 1 == day.rawValue {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        return runs.map { run in
            run.count == 1 ? run[0].abbreviation : "\(run[0].abbreviation)-\(run[run.count - 1].abbreviation)"
        }.joined(separator: ",")
    }
}
