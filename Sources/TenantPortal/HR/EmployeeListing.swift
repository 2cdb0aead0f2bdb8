import PGStore
import ServiceLevels

/// An employee record as the API answers and `portal-admin employee list --json` prints, with the
/// import's names: `employee_code`, `full_name`, ... and whether they are employed today.
public struct EmployeeListing: Encodable, Sendable {
    public var employeeCode: String
    public var fullName: String
    public var email: String?
    public var phone: String
    public var department: String
    public var position: String
    public var startDate: String
    public var leavingDate: String?
    public var username: String
    public var employed: Bool

    /// Employed: no leaving date, or one after today in `tenant`'s zone (the account ends at the
    /// leaving date's start).
    public init(_ employee: Employee, of tenant: Tenant) {
        self.init(employee, today: tenant.today().description)
    }

    /// Many records, the tenant's day worked out once.
    public static func all(_ employees: [Employee], of tenant: Tenant) -> [EmployeeListing] {
        let today = tenant.today().description
        return employees.map { EmployeeListing($0, today: today) }
    }

    /// `today` as `YYYY-MM-DD` in the tenant's zone.
    init(_ employee: Employee, today: String) {
        employeeCode = employee.code
        fullName = employee.fullName
        email = employee.email
        phone = employee.phone
        department = employee.department
        position = employee.position
        startDate = employee.startDate
        leavingDate = employee.leavingDate
        username = employee.username
        employed = employee.leavingDate.map { $0 > today } ?? true
    }
}
