import Foundation
import Logging
import PGStore
import ServiceLevels

/// The business calendar and service-level policies a tenant's administrators set (PRODUCT.md
/// B10), checked as a whole before anything is stored: hours that parse, a real time zone, real
/// dates, and a policy for every priority that applies to every team.
struct ServiceLevelSettings: Sendable {
    let database: Database
    /// The clocks' copy of the settings, forgotten here when they are replaced.
    let rules: TenantMemo<ServiceLevelRules>
    private let store = ServiceLevelStore()

    init(desk: RequestDesk) {
        database = desk.database
        rules = desk.serviceLevels.rules
    }

    func current(by principal: Principal, tenant: Tenant, logger: Logger) async throws -> (CalendarSettings, [ServiceLevelPolicy]) {
        try NotificationDesk.requireAdmin(principal)
        return try await database.reading(tenant.scope, logger: logger) { connection in
            (try await store.calendar(on: connection, logger: logger), try await store.policies(on: connection, logger: logger))
        }
    }

    /// Replaces calendar and policies; tickets' due times follow as each is next reviewed.
    func replace(_ calendar: CalendarSettings, _ policies: [ServiceLevelPolicy], by principal: Principal, tenant: Tenant, logger: Logger) async throws
    {
        try NotificationDesk.requireAdmin(principal)
        try Self.check(calendar, policies, tenant: tenant)
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            try await store.setCalendar(calendar, on: connection, logger: logger)
            try await store.setPolicies(policies, on: connection, logger: logger)
        }
        rules.forget(tenant)
    }

    static func check(_ calendar: CalendarSettings, _ policies: [ServiceLevelPolicy], tenant: Tenant) throws(PortalError) {
        try TextInput.checkCharacters(calendar.weeklyHours, field: "weekly_hours")
        for holiday in calendar.holidays {
            try TextInput.checkCharacters(holiday.name + holiday.day, field: "holidays")
            if holiday.name.count > 200 { throw .invalid(field: "holidays", .tooLong(200)) }
        }
        for policy in policies {
            try TextInput.checkCharacters(policy.team + policy.priority, field: "policies")
            if policy.team.count > 100 { throw .invalid(field: "policies", .tooLong(100)) }
        }
        let hours: WeeklyHours
        do {
            hours = try WeeklyHours(parsing: calendar.weeklyHours)
        } catch {
            throw .invalid(field: "weekly_hours", .invalidWeeklyHours(error.description))
        }
        if hours.isAlwaysClosed { throw .invalid(field: "weekly_hours", .invalidWeeklyHours("no opening hours at all")) }
        if let zone = calendar.timeZone, TimeZone(identifier: zone) == nil { throw .invalid(field: "time_zone", .unknownTimeZone(zone)) }
        for holiday in calendar.holidays where LocalDate(holiday.day) == nil {
            throw .invalid(field: "holidays", .invalidDate(holiday.day))
        }
        var seen: Set<String> = []
        for policy in policies {
            guard RequestDesk.priorities.contains(policy.priority) else { throw .invalid(field: "policies", .unknownPriority(policy.priority)) }
            for minutes in [policy.firstResponseMinutes, policy.resolutionMinutes] where !(1...525_600).contains(minutes) {
                throw .invalid(field: "policies", .outOfRange(1, 525_600))
            }
            guard seen.insert(policy.team + "\u{0}" + policy.priority).inserted else {
                throw .invalid(field: "policies", .policyGivenTwice(team: policy.team, priority: policy.priority))
            }
        }
        for priority in RequestDesk.priorities where !seen.contains("\u{0}" + priority) {
            throw .invalid(field: "policies", .defaultPolicyMissing(priority: priority))
        }
    }
}
