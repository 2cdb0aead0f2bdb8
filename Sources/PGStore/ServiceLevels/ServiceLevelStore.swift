import Foundation
import Logging
import PostgresNIO

/// The tenant's business calendar as stored: weekly hours in their text form, a time zone (nil: the
/// tenant's own) and holidays.
public struct CalendarSettings: Sendable, Equatable {
    public struct Holiday: Sendable, Equatable {
        /// YYYY-MM-DD
        public var day: String
        public var name: String

        public init(day: String, name: String) {
            self.day = day
            self.name = name
        }
    }

    public var weeklyHours: String
    public var timeZone: String?
    public var holidays: [Holiday]

    public init(weeklyHours: String, timeZone: String?, holidays: [Holiday]) {
        self.weeklyHours = weeklyHours
        self.timeZone = timeZone
        self.holidays = holidays
    }
}

/// Targets for one team (empty: every team without its own) and priority, in business minutes.
public struct ServiceLevelPolicy: Sendable, Equatable {
    public var team: String
    public var priority: String
    public var firstResponseMinutes: Int
    public var resolutionMinutes: Int

    public init(team: String, priority: String, firstResponseMinutes: Int, resolutionMinutes: Int) {
        self.team = team
        self.priority = priority
        self.firstResponseMinutes = firstResponseMinutes
        self.resolutionMinutes = resolutionMinutes
    }
}

/// A ticket's clocks as last computed and the warnings and breaches already raised.
public struct ClockState: Sendable, Equatable {
    public var firstResponseDue: Date?
    public var resolutionDue: Date?
    public var firstResponseAt: Date?
    public var marks: Set<String>

    public init(firstResponseDue: Date? = nil, resolutionDue: Date? = nil, firstResponseAt: Date? = nil, marks: Set<String> = []) {
        self.firstResponseDue = firstResponseDue
        self.resolutionDue = resolutionDue
        self.firstResponseAt = firstResponseAt
        self.marks = marks
    }
}

/// Calendars, policies, each ticket's clock state and the shared watch timers (PRODUCT.md B10).
/// SQL only; the arithmetic is in the ServiceLevels module, the rules in TenantPortal.
public struct ServiceLevelStore: Sendable {
    public init() {}

    // MARK: In the tenant's scope

    public func calendar(on connection: PostgresConnection, logger: Logger) async throws -> CalendarSettings {
        let (hours, zone) =
            try await connection.rows(
                "SELECT weekly_hours, time_zone FROM business_calendar",
                as: (String, String?).self,
                logger: logger
            ).first ?? ("", nil)
        let holidays = try await connection.rows(
            "SELECT to_char(day, 'YYYY-MM-DD'), name FROM holidays ORDER BY day",
            as: (String, String).self,
            logger: logger
        ).map { CalendarSettings.Holiday(day: $0, name: $1) }
        return CalendarSettings(weeklyHours: hours, timeZone: zone, holidays: holidays)
    }

    /// Replaces the calendar and its holidays.
    public func setCalendar(_ calendar: CalendarSettings, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO business_calendar (weekly_hours, time_zone) VALUES (\(calendar.weeklyHours), \(calendar.timeZone))
            ON CONFLICT (singleton) DO UPDATE SET weekly_hours = EXCLUDED.weekly_hours, time_zone = EXCLUDED.time_zone
            """,
            logger: logger
        )
        try await connection.query("DELETE FROM holidays", logger: logger)
        try await connection.query(
            "INSERT INTO holidays (day, name) SELECT unnest(\(calendar.holidays.map(\.day)))::date, unnest(\(calendar.holidays.map(\.name)))",
            logger: logger
        )
    }

    public func policies(on connection: PostgresConnection, logger: Logger) async throws -> [ServiceLevelPolicy] {
        try await connection.rows(
            """
            SELECT team, priority, first_response_minutes, resolution_minutes FROM sla_policies
            ORDER BY team, array_position(ARRAY['urgent', 'high', 'normal', 'low'], priority)
            """,
            as: (String, String, Int32, Int32).self,
            logger: logger
        ).map { ServiceLevelPolicy(team: $0, priority: $1, firstResponseMinutes: Int($2), resolutionMinutes: Int($3)) }
    }

    /// Replaces every policy.
    public func setPolicies(_ policies: [ServiceLevelPolicy], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM sla_policies", logger: logger)
        try await connection.query(
            """
            INSERT INTO sla_policies (team, priority, first_response_minutes, resolution_minutes)
            SELECT unnest(\(policies.map(\.team))), unnest(\(policies.map(\.priority))),
                   unnest(\(policies.map(\.firstResponseMinutes))), unnest(\(policies.map(\.resolutionMinutes)))
            """,
            logger: logger
        )
    }

    /// Saves the ticket's clocks and when the watch worker should next look at it (nil: not until
    /// something changes), with the tenant's `save_clocks` (migration 0017: its plans are kept).
    public func saveClocks(_ state: ClockState, nextCheck: Date?, ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.perform(
            """
            SELECT save_clocks(\(ticketID), \(state.firstResponseDue), \(state.resolutionDue), \(state.firstResponseAt),
                               \(state.marks.sorted()), \(nextCheck))
            """,
            logger: logger
        )
    }

    /// Stops watching a ticket that is gone.
    public func unschedule(ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM platform.sla_timers WHERE ticket_id = \(ticketID)", logger: logger)
    }

    // MARK: As the service login (the watch worker)

    /// Takes up to `limit` due timers, hiding them from other workers for `lease` (the look
    /// reschedules or removes them); rows another worker is claiming are skipped.
    public func claimTimers(
        limit: Int,
        lease: Duration,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [(tenantRole: String, ticketID: Int)] {
        try await connection.rows(
            """
            UPDATE platform.sla_timers SET check_at = now() + make_interval(secs => \(Double(lease.components.seconds)))
            WHERE (tenant_role, ticket_id) IN (
                SELECT tenant_role, ticket_id FROM platform.sla_timers WHERE check_at <= now()
                ORDER BY check_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING tenant_role, ticket_id
            """,
            as: (String, Int).self,
            logger: logger
        ).map { (tenantRole: $0, ticketID: $1) }
    }
}
