import Foundation
import ServiceLevels
import Testing

/// Checks that hold for any start and any amount, over many reproducible pseudo-random cases.
struct CalendarPropertyTests {
    static let setups: [(zone: String, hours: String)] = [
        ("Asia/Ho_Chi_Minh", vietnamHours),
        ("Asia/Ho_Chi_Minh", "mon-fri 22:00-24:00; tue-sat 00:00-06:00"),
        ("Europe/Berlin", "mon-sun 01:00-04:00"),
        ("Europe/Berlin", "mon-fri 00:00-24:00"),
        ("America/New_York", "mon-fri 09:00-12:00,12:45-17:00; sun 02:30-03:30"),
    ]

    /// Random instants in 2027 (both daylight saving changes included), a quarter with fractions
    /// of a second.
    static func randomInstant(using generator: inout SplitMix64) -> Date {
        let yearStart = 1_798_761_600.0  // 2027-01-01T00:00:00Z
        let seconds = Double(Int.random(in: 0..<(365 * 86_400), using: &generator))
        let fraction = Int.random(in: 0..<4, using: &generator) == 0 ? Double(Int.random(in: 1..<8, using: &generator)) / 8 : 0
        return Date(timeIntervalSince1970: yearStart + seconds + fraction)
    }

    @Test(arguments: setups.indices)
    func businessSecondsUndoesAdd(setup: Int) throws {
        let tet = try days(from: localDate("2027-02-05"), count: 7)
        let calendar = try makeCalendar(Self.setups[setup].zone, hours: Self.setups[setup].hours, holidays: tet)
        var generator = SplitMix64(seed: 42 + UInt64(setup))
        for _ in 0..<300 {
            let start = Self.randomInstant(using: &generator)
            let seconds = Int.random(in: 0...(120 * hour), using: &generator)
            let due = try calendar.add(seconds, to: start)
            #expect(due >= start)
            #expect(calendar.businessSeconds(from: start, to: due) == seconds, "start \(start) + \(seconds) s = \(due)")
            // The due instant ends business time rather than some later closed instant: just before
            // it the office is open (fractions here are whole eighths, so 0.1 s stays inside).
            if seconds > 0 {
                #expect(calendar.isOpen(at: due.addingTimeInterval(-0.1)), "start \(start) + \(seconds) s = \(due)")
            }
        }
    }

    @Test(arguments: setups.indices)
    func addUndoesBusinessSeconds(setup: Int) throws {
        let calendar = try makeCalendar(Self.setups[setup].zone, hours: Self.setups[setup].hours)
        var generator = SplitMix64(seed: 1_000 + UInt64(setup))
        for _ in 0..<300 {
            let start = Self.randomInstant(using: &generator)
            let end = start.addingTimeInterval(Double(Int.random(in: 0...(20 * 86_400), using: &generator)))
            let seconds = calendar.businessSeconds(from: start, to: end)
            let reached = try calendar.add(seconds, to: start)
            // Adding the measured time leaves less than a second unmeasured, and unless nothing was
            // measured (then `add` moves on to the next opening) it never overshoots.
            #expect(calendar.businessSeconds(from: reached, to: end) == 0)
            if seconds > 0 {
                #expect(reached <= end, "start \(start) end \(end)")
            }
        }
    }

    /// An independent count: walks half-hour slots with Foundation's calendar and a hand-written
    /// table of the Vietnamese hours (all boundaries are on the half hour), Tết included.
    @Test func agreesWithASlotByslotCount() throws {
        let tetDays = try days(from: localDate("2027-02-05"), count: 7)
        let calendar = try makeCalendar(holidays: tetDays)
        var foundation = Calendar(identifier: .gregorian)
        foundation.timeZone = calendar.timeZone
        // Foundation weekday: 1 = Sunday ... 7 = Saturday. Open half-hours as (hour, minute) starts.
        func isOpenSlot(_ slot: Date) -> Bool {
            let parts = foundation.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: slot)
            let day = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
            let minutes = parts.hour! * 60 + parts.minute!
            guard !tetDays.contains(day), parts.weekday! != 1 else { return false }
            let morning = (8 * 60..<12 * 60).contains(minutes)
            let afternoon = (13 * 60 + 30..<17 * 60 + 30).contains(minutes)
            return parts.weekday! == 7 ? morning : morning || afternoon
        }
        var generator = SplitMix64(seed: 5)
        let firstSlot = try instant("2027-01-25T00:00:00+07:00").timeIntervalSince1970
        for _ in 0..<60 {
            let start = firstSlot + Double(Int.random(in: 0..<(40 * 48), using: &generator) * 1800)
            let slots = Int.random(in: 0..<(10 * 48), using: &generator)
            let openSlots = (0..<slots).filter { isOpenSlot(Date(timeIntervalSince1970: start + Double($0 * 1800))) }.count
            let measured = calendar.businessSeconds(
                from: Date(timeIntervalSince1970: start),
                to: Date(timeIntervalSince1970: start + Double(slots * 1800))
            )
            #expect(measured == openSlots * 1800)
        }
    }
}
