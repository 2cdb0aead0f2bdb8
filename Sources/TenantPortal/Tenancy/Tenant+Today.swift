import Foundation
import PGStore
import ServiceLevels

extension Tenant {
    /// The day it is now in the tenant's zone: what a draw date, a payment date or a rate's first
    /// day is compared with.
    func today(at now: Date = Date()) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
