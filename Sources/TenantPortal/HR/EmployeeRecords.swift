import Foundation
import Logging
import PGStore
import PostgresNIO
import ServiceLevels

/// The HR office's employee records (F1, F2, F4): made, listed and changed by HR staff (API) and
/// operators (`portal-admin employee`). A record comes with the employee's portal account, made in
/// the same transaction (username: the code in lower case), and its leaving date ends the account:
/// sign-in and every request of an open session refuse it from that day's midnight in the tenant's
/// zone, at once when that has passed.
public struct EmployeeRecords: Sendable {
    let database: Database
    /// Writes the activation mail; without it (a command with no mail settings) a new employee
    /// always gets an initial password.
    let invitations: InvitationMail?
    /// This instance's cached sign-ins, forgotten when a record's change ends an account (other
    /// instances hear of it at commit); `portal-admin` keeps none.
    let signIn: SignInDesk?
    private let store = EmployeeStore()

    public init(database: Database, invitations: InvitationMail?) {
        self.init(database: database, invitations: invitations, signIn: nil)
    }

    init(database: Database, invitations: InvitationMail?, signIn: SignInDesk?) {
        self.database = database
        self.invitations = invitations
        self.signIn = signIn
    }

    /// How a new employee first signs in: through the link mailed to them, or with the initial
    /// password, shown once to whoever made the record.
    public enum FirstSignIn: Sendable, Equatable {
        case linkMailed(to: String, link: String)
        case initialPassword(String)
    }

    /// Who may keep the records: administrators, and staff of team `hr`.
    static func requireHR(_ principal: Principal) throws(EmployeeRefusal) {
        guard case .staff(let member) = principal, member.role == .admin || member.team == "hr" else { throw .hrOnly }
    }

    /// Makes the record and its account, in one transaction; the record as stored and how the
    /// employee first signs in (the tenant's activation setting, a password when there is no
    /// email or no mail writer).
    public func create(_ draft: EmployeeDraft, actor: String, tenant: Tenant, logger: Logger) async throws -> (Employee, FirstSignIn) {
        let employee = try draft.record(over: nil)
        let activation = try await database.reading(tenant.scope, logger: logger) { try await store.activation(on: $0, logger: logger) }
        let access: Accounts.NewPortalAccount.Access
        if activation == "link", let email = employee.email, let invitations {
            access = .link(invitations, tenant, email: email)
        } else {
            access = .password(Self.initialPassword())
        }
        let account = try await Accounts.NewPortalAccount(
            username: employee.username,
            displayName: employee.fullName,
            kind: "employee",
            endsOn: employee.leavingDate,
            access: access
        )
        try await mappingConflicts(employee) {
            try await database.withTenant(tenant.scope, logger: logger) { connection in
                // Before the account, whose username is the code's: a taken code is told as such.
                guard try await store.employee(code: employee.code, on: connection, logger: logger) == nil else {
                    throw EmployeeRefusal.exists(employee.code)
                }
                let id = try await account.add(to: tenant, on: connection, logger: logger)
                try await store.create(employee, portalUserID: id, actor: actor, on: connection, logger: logger)
            }
        }
        let first: FirstSignIn =
            switch access {
            case .link(_, _, let email): .linkMailed(to: email, link: account.link ?? "")
            case .password(let password): .initialPassword(password)
            }
        return (employee, first)
    }

    /// Changes the record `code` as `draft` says (nil keeps a detail; an empty leaving date clears
    /// it); the record as it now is.
    public func update(code: String, _ draft: EmployeeDraft, actor: String, tenant: Tenant, logger: Logger) async throws -> Employee {
        let code = try EmployeeDraft.code(code)
        defer { signIn?.forgetHolders(of: tenant) }
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let before = try await store.employee(code: code, forUpdate: true, on: connection, logger: logger) else {
                throw EmployeeRefusal.notFound
            }
            let after = try draft.record(over: before)
            try await mappingConflicts(after) {
                try await store.update(after, before: before, timeZone: tenant.timeZone, actor: actor, on: connection, logger: logger)
            }
            return after
        }
    }

    /// How new employees first sign in: `link` (mailed; the default) or `password` (shown to HR).
    public func activation(tenant: Tenant, logger: Logger) async throws -> String {
        try await database.reading(tenant.scope, logger: logger) { try await store.activation(on: $0, logger: logger) }
    }

    public func setActivation(_ text: String?, actor: String, tenant: Tenant, logger: Logger) async throws -> String {
        let activation = text?.trimmed ?? ""
        guard ["link", "password"].contains(activation) else { throw EmployeeRefusal.invalid("activation", .activation(activation)) }
        try await database.withTenant(tenant.scope, logger: logger) {
            try await store.setActivation(activation, actor: actor, on: $0, logger: logger)
        }
        return activation
    }

    public func employee(code: String, tenant: Tenant, logger: Logger) async throws -> Employee {
        let code = try EmployeeDraft.code(code)
        guard let found = try await database.reading(tenant.scope, logger: logger, { try await store.employee(code: code, on: $0, logger: logger) })
        else {
            throw EmployeeRefusal.notFound
        }
        return found
    }

    /// The records by code, filtered (see `EmployeeStore.employees`); at most 1,000.
    public func list(department: String?, employed: Bool?, search: String?, tenant: Tenant, logger: Logger) async throws -> [Employee] {
        let department = try TextInput.optional(department, field: "department", limit: 100)
        let search = try TextInput.optional(search, field: "q", limit: 100)
        return try await database.reading(tenant.scope, logger: logger) { connection in
            try await store.employees(
                department: department,
                employed: employed,
                search: search,
                today: tenant.today().description,
                limit: 1_000,
                on: connection,
                logger: logger
            )
        }
    }

    /// A unique index broken by `employee`'s code, email or username, as the refusal it means.
    private func mappingConflicts<Value>(_ employee: Employee, _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch Accounts.Failure.usernameTaken(let taken) {
            throw PortalError.usernameTaken(taken)
        } catch let error where error.sqlState == "23505" {
            switch error.constraintName {
            case "hr_employees_email": throw EmployeeRefusal.emailTaken(employee.email ?? "")
            case "hr_employees_code_key": throw EmployeeRefusal.exists(employee.code)
            default: throw error
            }
        }
    }

    /// Twelve letters and digits that cannot be misread (no 0/O, 1/l/I), drawn by the system's
    /// random generator: shown once to HR, who hand it over.
    static func initialPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
