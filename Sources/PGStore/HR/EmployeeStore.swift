import Foundation
import Logging
import PostgresNIO

/// An employee record (F4, tenant `0035`): who they are, where they work, from when until when,
/// and the portal account that comes with the record.
public struct Employee: Sendable, Equatable, Codable {
    public var code: String
    public var fullName: String
    public var email: String?
    public var phone: String
    public var department: String
    public var position: String
    /// `YYYY-MM-DD`.
    public var startDate: String
    public var leavingDate: String?
    public var username: String

    public init(
        code: String,
        fullName: String,
        email: String?,
        phone: String,
        department: String,
        position: String,
        startDate: String,
        leavingDate: String?,
        username: String = ""
    ) {
        self.code = code
        self.fullName = fullName
        self.email = email
        self.phone = phone
        self.department = department
        self.position = position
        self.startDate = startDate
        self.leavingDate = leavingDate
        self.username = username
    }
}

/// The HR module's records (tenant `0035`). SQL only; tenant scope.
public struct EmployeeStore: Sendable {
    public init() {}

    static let columns = """
        e.code, e.full_name, e.email, e.phone, e.department, e.position, e.start_date::text, e.leaving_date::text, u.username
        """
    typealias Row = (String, String, String?, String, String, String, String, String?, String)

    static func employee(_ row: Row) -> Employee {
        Employee(
            code: row.0,
            fullName: row.1,
            email: row.2,
            phone: row.3,
            department: row.4,
            position: row.5,
            startDate: row.6,
            leavingDate: row.7,
            username: row.8
        )
    }

    /// `link` (a set-password link mailed) or `password` (an initial password shown to HR).
    public func activation(on connection: PostgresConnection, logger: Logger) async throws -> String {
        try await connection.value("SELECT activation FROM hr_settings", as: String.self, logger: logger) ?? "link"
    }

    /// Sets how new employees first sign in, and says so in the tenant's audit log.
    public func setActivation(_ activation: String, actor: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE hr_settings SET activation = \(activation)", logger: logger)
        try await AuditLog.record(actor: actor, action: "hr.settings activation=\(activation)", on: connection, logger: logger)
    }

    /// Stores the record of the account `portalUserID` (made in the same transaction), and says so
    /// in the tenant's audit log.
    public func create(_ employee: Employee, portalUserID: Int, actor: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO hr_employees (code, full_name, email, phone, department, position, start_date, leaving_date, portal_user_id)
            VALUES (\(employee.code), \(employee.fullName), \(employee.email), \(employee.phone), \(employee.department), \(employee.position),
                    CAST(\(employee.startDate) AS date), CAST(\(employee.leavingDate) AS date), \(portalUserID))
            """,
            logger: logger
        )
        try await AuditLog.record(
            actor: actor,
            action: "hr.employee.created",
            detail: try Self.detail(after: employee),
            on: connection,
            logger: logger
        )
    }

    /// The audit log's detail of a record's change: its code, and the record before and after.
    static func detail(before: Employee? = nil, after: Employee) throws -> String {
        struct Change: Encodable {
            var code: String
            var before: Employee?
            var after: Employee
        }
        return String(decoding: try JSONEncoder().encode(Change(code: after.code, before: before, after: after)), as: UTF8.self)
    }

    public func employee(code: String, forUpdate: Bool = false, on connection: PostgresConnection, logger: Logger) async throws -> Employee? {
        try await connection.rows(
            """
            SELECT \(unescaped: Self.columns) FROM hr_employees e JOIN portal_users u ON u.id = e.portal_user_id WHERE e.code = \(code)
            \(unescaped: forUpdate ? "FOR UPDATE OF e" : "")
            """,
            as: Row.self,
            logger: logger
        ).first.map(Self.employee)
    }

    /// The records by code: of `department` when given; employed (no leaving date on or before
    /// `today`) or left when `employed` is given; whose code or name holds `search`, case and
    /// Vietnamese diacritics aside. At most `limit`.
    public func employees(
        department: String?,
        employed: Bool?,
        search: String?,
        today: String,
        limit: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [Employee] {
        try await connection.rows(
            """
            SELECT \(unescaped: Self.columns) FROM hr_employees e JOIN portal_users u ON u.id = e.portal_user_id
            WHERE (CAST(\(department) AS text) IS NULL OR e.department = \(department))
              AND (CAST(\(employed) AS boolean) IS NULL
                   OR \(employed) = (e.leaving_date IS NULL OR e.leaving_date > CAST(\(today) AS date)))
              AND (CAST(\(search) AS text) IS NULL OR strpos(fold_text(e.code || ' ' || e.full_name), fold_text(\(search))) > 0)
            ORDER BY e.code LIMIT \(limit)
            """,
            as: Row.self,
            logger: logger
        ).map(Self.employee)
    }

    /// Writes the record's new details (it was `before`) and keeps its account in step: the name it
    /// shows, and its last moment, the leaving date's midnight in `timeZone`. When that moment has
    /// passed, the employee's sessions end at once. The change goes to the tenant's audit log.
    public func update(
        _ employee: Employee,
        before: Employee,
        timeZone: String,
        actor: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        try await connection.query(
            """
            WITH record AS (
                UPDATE hr_employees SET full_name = \(employee.fullName), email = \(employee.email), phone = \(employee.phone),
                    department = \(employee.department), position = \(employee.position), start_date = CAST(\(employee.startDate) AS date),
                    leaving_date = CAST(\(employee.leavingDate) AS date), updated_at = now()
                WHERE code = \(employee.code) RETURNING portal_user_id
            ), account AS (
                UPDATE portal_users SET display_name = \(employee.fullName),
                    active_until = CAST(\(employee.leavingDate) AS date)::timestamp AT TIME ZONE \(timeZone)
                WHERE id IN (SELECT portal_user_id FROM record) RETURNING id, active_until
            )
            UPDATE sessions SET revoked_at = now()
            WHERE principal_kind = 'portal_user' AND principal_id IN (SELECT id FROM account WHERE active_until <= now()) AND revoked_at IS NULL
            """,
            logger: logger
        )
        let detail = try Self.detail(before: before, after: employee)
        try await AuditLog.record(actor: actor, action: "hr.employee.changed", detail: detail, on: connection, logger: logger)
    }
}
