import Foundation
import PGStore
import ServiceLevels

/// An employee record as typed (F4): by HR's form, the API, a CSV row or `portal-admin`; the
/// names are the import's columns. For a change, nil keeps a detail and an empty leaving date
/// clears it.
public struct EmployeeDraft: Sendable, Equatable {
    public var code: String?
    public var fullName: String?
    public var email: String?
    public var phone: String?
    public var department: String?
    public var position: String?
    public var startDate: String?
    public var leavingDate: String?

    public init(
        code: String? = nil,
        fullName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        department: String? = nil,
        position: String? = nil,
        startDate: String? = nil,
        leavingDate: String? = nil
    ) {
        self.code = code
        self.fullName = fullName
        self.email = email
        self.phone = phone
        self.department = department
        self.position = position
        self.startDate = startDate
        self.leavingDate = leavingDate
    }

    /// The record this draft makes of `base` (a new record: every required detail given), checked
    /// detail by detail; the first bad one is refused naming its field.
    func record(over base: Employee?) throws -> Employee {
        let code = try base?.code ?? Self.code(self.code ?? "")
        let fullName = try fullName.map { try TextInput.required($0, field: "full_name", limit: 200) } ?? base?.fullName
        guard let fullName else { throw PortalError.invalid(field: "full_name", .required) }
        let email = try email.map(Self.email) ?? base?.email
        let phone = try phone.map(Self.phone) ?? base?.phone ?? ""
        let department = try department.map { try TextInput.optional($0, field: "department", limit: 100) ?? "" } ?? base?.department ?? ""
        let position = try position.map { try TextInput.optional($0, field: "position", limit: 100) ?? "" } ?? base?.position ?? ""
        let start = try startDate.map { try Self.day($0, field: "start_date") } ?? base.flatMap { LocalDate($0.startDate) }
        guard let start else { throw PortalError.invalid(field: "start_date", .required) }
        let leaving: LocalDate? =
            switch leavingDate?.trimmed {
            case nil: base?.leavingDate.flatMap(LocalDate.init)
            case "": nil
            case let text?: try Self.day(text, field: "leaving_date")
            }
        if let leaving, leaving < start {
            throw EmployeeRefusal.invalid("leaving_date", .leavingBeforeStart(leaving: leaving.description, start: start.description))
        }
        return Employee(
            code: code,
            fullName: fullName,
            email: email,
            phone: phone,
            department: department,
            position: position,
            startDate: start.description,
            leavingDate: leaving?.description,
            username: base?.username ?? code.lowercased()
        )
    }

    /// An employee's code in capitals (`NV0001`): it is also their username, in lower case, so at
    /// least two characters.
    static func code(_ text: String) throws(EmployeeRefusal) -> String {
        let code = text.trimmed.uppercased()
        guard code.range(of: #"^[A-Z0-9][A-Z0-9._-]{1,31}$"#, options: .regularExpression) != nil else {
            throw .invalid("employee_code", .codeInvalid(text))
        }
        return code
    }

    private static func email(_ text: String) throws(PortalError) -> String? {
        guard let text = try TextInput.optional(text, field: "email", limit: 254) else { return nil }
        guard let email = ContactDetails.normalizedEmail(text) else { throw .invalid(field: "email", .emailInvalid) }
        return email
    }

    private static func phone(_ text: String) throws(PortalError) -> String {
        guard !text.trimmed.isEmpty else { return "" }
        guard let phone = ContactDetails.normalizedPhone(text) else { throw .invalid(field: "phone", .phoneInvalid) }
        return phone
    }

    private static func day(_ text: String, field: String) throws(PortalError) -> LocalDate {
        guard let day = LocalDate(text.trimmed) else { throw .invalid(field: field, .invalidDate(text)) }
        return day
    }
}
