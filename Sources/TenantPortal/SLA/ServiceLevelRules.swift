import PGStore
import ServiceLevels

/// A tenant's service-level settings as the clocks use them (PRODUCT.md B10): the business calendar,
/// already parsed, and the policies, kept per tenant for a few seconds (`ServiceLevelDesk.rules`),
/// since every change to a ticket reviews its clocks.
struct ServiceLevelRules: Sendable {
    var hours: WeeklyHours
    var holidays: Set<LocalDate>
    /// Nil: the tenant's own time zone.
    var timeZone: String?
    var policies: [ServiceLevelPolicy]

    /// Settings as stored; `ServiceLevelSettings` checked them before storing.
    init(calendar: CalendarSettings, policies: [ServiceLevelPolicy]) throws {
        hours = try WeeklyHours(parsing: calendar.weeklyHours)
        holidays = Set(calendar.holidays.compactMap { LocalDate($0.day) })
        timeZone = calendar.timeZone
        self.policies = policies
    }

    /// The business calendar in the tenant's zone unless the settings name another.
    func calendar(of tenant: Tenant) throws -> BusinessCalendar {
        try BusinessCalendar(timeZoneIdentifier: timeZone ?? tenant.timeZone, hours: hours, holidays: holidays)
    }

    /// The team's own policy for the priority, else the one for every team (empty team), if any.
    func policy(team: String, priority: String) -> ServiceLevelPolicy? {
        policies.first { $0.team == team && $0.priority == priority } ?? policies.first { $0.team.isEmpty && $0.priority == priority }
    }
}
