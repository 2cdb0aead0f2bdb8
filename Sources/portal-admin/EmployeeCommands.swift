import ArgumentParser
import Foundation
import PGStore
import TenantPortal

/// `employee`: the HR office's employee records (PRODUCT.md F1, F2, F4), each with the employee's
/// portal account.
struct EmployeeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employee",
        abstract: "Create, list and change employee records, and record a leaving date (module hr).",
        discussion: """
            A record makes the employee's portal account (username: the code in lower case). By the \
            tenant's setting the employee gets a set-password link by mail (once, within \
            \(StaffInvitation.hours) hours; printed too), or an initial password printed once; \
            without an email, always a password. From the leaving date's midnight in the tenant's \
            zone the account stops working: sign-in says so, and open sessions end at once.
            """,
        subcommands: [Create.self, List.self, Update.self, Leave.self, Settings.self]
    )

    struct Settings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how new employees first sign in, or set it: link (mailed, the default) or password (shown once)."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "link or password.")
        var activation: String?

        func run() async throws {
            try await withTenant(slug) { database, tenant, runtime in
                let records = EmployeeRecords(database: database, invitations: nil)
                let current = try await operatorFacing {
                    if let activation {
                        try await records.setActivation(activation, actor: "operator", tenant: tenant, logger: runtime.logger)
                    } else {
                        try await records.activation(tenant: tenant, logger: runtime.logger)
                    }
                }
                print("activation\t\(current)")
            }
        }
    }

    /// The details a record takes; for `update`, a detail left out stays as it is.
    struct Details: ParsableArguments {
        @Option(help: "Full name.")
        var name: String?

        @Option(help: "Email (the activation link goes there).")
        var email: String?

        @Option(help: "Phone (0912345678 or +84912345678).")
        var phone: String?

        @Option(help: "Department.")
        var department: String?

        @Option(help: "Position.")
        var position: String?

        @Option(help: "First day of work, YYYY-MM-DD.")
        var startDate: String?

        @Option(help: "Leaving date, YYYY-MM-DD (the account stops working from its start); empty clears it.")
        var leavingDate: String?

        func draft(code: String?) -> EmployeeDraft {
            EmployeeDraft(
                code: code,
                fullName: name,
                email: email,
                phone: phone,
                department: department,
                position: position,
                startDate: startDate,
                leavingDate: leavingDate
            )
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an employee record and its portal account (--name and --start-date needed)."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "The employee's code: capitals, digits, '.', '-', '_' (NV0001).")
        var code: String

        @OptionGroup var details: Details

        func run() async throws {
            try await withTenant(slug) { database, tenant, runtime in
                let records = EmployeeRecords(database: database, invitations: try runtime.invitationMail())
                let (employee, first) = try await operatorFacing {
                    try await records.create(details.draft(code: code), actor: "operator", tenant: tenant, logger: runtime.logger)
                }
                print("employee \(employee.code) created in \(tenant.slug); they sign in as \(employee.username) at /t/\(tenant.slug)/")
                switch first {
                case .linkMailed(let email, let link):
                    print("the activation mail to \(email) waits in the outbox; set-password link (shown once, works once):")
                    print(link)
                case .initialPassword(let password):
                    print("initial password (shown once; hand it to the employee):")
                    print(password)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the employee records by code.")

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "Only this department.")
        var department: String?

        @Flag(help: "Only those employed today.")
        var employed = false

        @Flag(help: "Only those who have left.")
        var left = false

        @Option(help: "Only codes or names holding this (case and diacritics aside).")
        var search: String?

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            guard !(employed && left) else { throw ValidationError("give --employed or --left, not both") }
            try await withTenant(slug) { database, tenant, runtime in
                let found = try await operatorFacing {
                    try await EmployeeRecords(database: database, invitations: nil).list(
                        department: department,
                        employed: employed ? true : left ? false : nil,
                        search: search,
                        tenant: tenant,
                        logger: runtime.logger
                    )
                }
                let listed = EmployeeListing.all(found, of: tenant)
                if json {
                    print(try TenantView.json(listed))
                    return
                }
                print("employee_code\tfull_name\temail\tdepartment\tposition\tstart_date\tleaving_date\temployed")
                for employee in listed {
                    print(
                        [
                            employee.employeeCode, employee.fullName, employee.email ?? "", employee.department, employee.position,
                            employee.startDate, employee.leavingDate ?? "", employee.employed ? "yes" : "no",
                        ]
                        .joined(separator: "\t")
                    )
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an employee record; the account follows its name and leaving date.")

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "The employee's code.")
        var code: String

        @OptionGroup var details: Details

        func run() async throws {
            try await change(slug, code, details.draft(code: nil))
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the employee's leaving date: the account stops working from its start (at once if it has passed)."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "The employee's code.")
        var code: String

        @Option(name: .customLong("on"), help: "The leaving date, YYYY-MM-DD.")
        var day: String

        func run() async throws {
            try await change(slug, code, EmployeeDraft(leavingDate: day))
        }
    }
}

/// Applies `draft` to the record `code` and prints it as it now is.
private func change(_ slug: String, _ code: String, _ draft: EmployeeDraft) async throws {
    try await withTenant(slug) { database, tenant, runtime in
        let changed = try await operatorFacing {
            try await EmployeeRecords(database: database, invitations: nil).update(
                code: code,
                draft,
                actor: "operator",
                tenant: tenant,
                logger: runtime.logger
            )
        }
        let listed = EmployeeListing(changed, of: tenant)
        print("employee \(listed.employeeCode) saved; leaving date \(listed.leavingDate ?? "none"); \(listed.employed ? "employed" : "left")")
    }
}
