import Foundation
import Hummingbird
import PGStore
import ServiceLevels

/// `/hr/employees`: HR staff keep the employee records (F4) and, with each, the employee's account
/// (F1); a leaving date ends it (F2).
struct EmployeeController {
    let records: EmployeeRecords

    /// A record as the API takes it, with the import's names; for a change, an absent field keeps
    /// its detail and an empty `leaving_date` clears it.
    struct EmployeeRequest: Decodable {
        var employeeCode: String?
        var fullName: String?
        var email: String?
        var phone: String?
        var department: String?
        var position: String?
        var startDate: String?
        var leavingDate: String?

        var draft: EmployeeDraft {
            EmployeeDraft(
                code: employeeCode,
                fullName: fullName,
                email: email,
                phone: phone,
                department: department,
                position: position,
                startDate: startDate,
                leavingDate: leavingDate
            )
        }
    }

    struct EmployeeList: ResponseEncodable {
        var employees: [EmployeeListing]
    }

    /// A new record and how its employee first signs in: `link` (mailed to `email`) or `password`
    /// (shown here once).
    struct CreatedView: ResponseEncodable {
        struct FirstSignIn: Encodable {
            var kind: String
            var email: String?
            var password: String?
        }

        var employee: EmployeeListing
        var firstSignIn: FirstSignIn
    }

    struct SettingsView: ResponseEncodable, Decodable {
        var activation: String?
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("hr/settings", use: settings)
        api.put("hr/settings", use: changeSettings)
        api.get("hr/employees", use: list)
        api.post("hr/employees", use: create)
        api.get("hr/employees/:code", use: employee)
        api.patch("hr/employees/:code", use: update)
    }

    @Sendable func settings(_ request: Request, context: SignedInRequestContext) async throws -> SettingsView {
        try EmployeeRecords.requireHR(context.principal)
        return SettingsView(activation: try await records.activation(tenant: context.tenant, logger: context.logger))
    }

    /// Administrators only: how every new employee first signs in is the tenant's rule.
    @Sendable func changeSettings(_ request: Request, context: SignedInRequestContext) async throws -> SettingsView {
        guard context.principal.isStaffAdmin else { throw PortalError.adminOnly }
        let body = try await request.decodeBody(SettingsView.self, context: context)
        let activation = try await records.setActivation(
            body.activation,
            actor: context.principal.key,
            tenant: context.tenant,
            logger: context.logger
        )
        return SettingsView(activation: activation)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> EmployeeList {
        try EmployeeRecords.requireHR(context.principal)
        let query = request.uri.queryParameters
        let employed: Bool? =
            switch query["employed"].map(String.init) {
            case nil, "": nil
            case "1", "true": true
            case "0", "false": false
            case let other?: throw PortalError.invalid(field: "employed", .notOneOf(other, allowed: ["1", "0"]))
            }
        let found = try await records.list(
            department: query["department"].map(String.init),
            employed: employed,
            search: query["q"].map(String.init),
            tenant: context.tenant,
            logger: context.logger
        )
        return EmployeeList(employees: EmployeeListing.all(found, of: context.tenant))
    }

    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<CreatedView> {
        try EmployeeRecords.requireHR(context.principal)
        let body = try await request.decodeBody(EmployeeRequest.self, context: context)
        let (employee, first) = try await records.create(body.draft, actor: context.principal.key, tenant: context.tenant, logger: context.logger)
        let signIn: CreatedView.FirstSignIn =
            switch first {
            case .linkMailed(let email, _): .init(kind: "link", email: email)
            case .initialPassword(let password): .init(kind: "password", password: password)
            }
        let listing = EmployeeListing(employee, of: context.tenant)
        return EditedResponse(status: .created, response: CreatedView(employee: listing, firstSignIn: signIn))
    }

    @Sendable func employee(_ request: Request, context: SignedInRequestContext) async throws -> EmployeeListing {
        try EmployeeRecords.requireHR(context.principal)
        let found = try await records.employee(code: context.parameters.get("code") ?? "", tenant: context.tenant, logger: context.logger)
        return EmployeeListing(found, of: context.tenant)
    }

    @Sendable func update(_ request: Request, context: SignedInRequestContext) async throws -> EmployeeListing {
        try EmployeeRecords.requireHR(context.principal)
        let body = try await request.decodeBody(EmployeeRequest.self, context: context)
        let changed = try await records.update(
            code: context.parameters.get("code") ?? "",
            body.draft,
            actor: context.principal.key,
            tenant: context.tenant,
            logger: context.logger
        )
        return EmployeeListing(changed, of: context.tenant)
    }
}

extension EmployeeListing: ResponseEncodable {}
