/// One stretch of opening time within a local day, in minutes after local midnight: [start, end).
///
/// Minutes of the local day rather than instants, because the same "08:00-12:00" means different
/// instants on different days once daylight saving time or the tenant's time zone is involved.
public struct OpeningInterval: Hashable, Sendable, CustomStringConvertible {
    /// Minutes after local midnight when the interval opens, 0 ..< 1440.
    public let start: Int
    /// Minutes after local midnight when it closes, up to 1440 (24:00, i.e. the next midnight).
    public let end: Int

    /// Only the parser creates intervals, after it has checked 0 <= start < end <= 1440.
    init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The "HH:MM-HH:MM" form used in the hours text.
    public var description: String {
        "\(Self.clockText(start))-\(Self.clockText(end))"
    }

    static func clockText(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
