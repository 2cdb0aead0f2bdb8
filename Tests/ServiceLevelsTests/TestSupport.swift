import Foundation
import ServiceLevels
import Testing

/// The main tenant setup of the tests: Vietnam (UTC+7, no daylight saving) with a lunch break
/// and Saturday mornings. A full week has 5 x 8 h + 4 h = 44 h of business time.
let vietnamHours = "mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00"

let minute = 60
let hour = 3600

/// Reference week used throughout: 2027-03-01 is a Monday (2027-01-01 is a Friday, and
/// January's 31 plus February's 28 days are 59 = 8 weeks + 3 days), so 03-05 is Friday,
/// 03-06 Saturday, 03-07 Sunday and 03-08 the next Monday.
func instant(_ text: String) throws -> Date {
    try Date(text, strategy: .iso8601)
}

func localDate(_ text: String) throws -> LocalDate {
    try #require(LocalDate(text))
}

func makeCalendar(
    _ zone: String = "Asia/Ho_Chi_Minh",
    hours: String = vietnamHours,
    holidays: Set<LocalDate> = []
) throws -> BusinessCalendar {
    try BusinessCalendar(timeZoneIdentifier: zone, hours: WeeklyHours(parsing: hours), holidays: holidays)
}

/// `count` consecutive days from `first`, for holiday ranges such as a week of Tết.
func days(from first: LocalDate, count: Int) -> Set<LocalDate> {
    Set((0..<count).map { first.adding(days: $0) })
}

/// A seedable generator (SplitMix64), so property tests are reproducible while still covering
/// many cases; Swift's system generator cannot be seeded.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
