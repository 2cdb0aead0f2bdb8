import ArgumentParser
import Foundation
import PGStore
import TenantPortal

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Issue, rotate and revoke customer tokens (one per customer organisation).",
        discussion: "The token is printed once, as the last line of the output; only its SHA-256 is stored.",
        subcommands: [Issue.self, Rotate.self, Revoke.self]
    )

    struct Target: ParsableArguments {
        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "The customer organisation: its code (KH0001), or a name only one organisation has.")
        var customer: String
    }

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the customer if new and give it a token.",
            discussion: """
                --customer names the organisation by its code or by a name only one organisation has; \
                a name no organisation has makes a new one, with the next code (KH0001 ...). With --code, \
                --customer is the name and the code decides: a code not seen before makes a new \
                organisation even when another has that name. --admin replaces the organisation's list \
                of administrators.
                """
        )

        @OptionGroup var target: Target

        @Option(help: "The organisation's code (1-32 of A-Z, 0-9, '.', '_', '-'); new organisations get the next KH code without it.")
        var code: String?

        @Option(help: "Last day of the customer's warranty, YYYY-MM-DD.")
        var warrantyUntil: String?

        @Option(name: .customLong("admin"), help: "One of the customer's own system administrators, as \"Name|email|phone\" (repeatable).")
        var admins: [String] = []

        func run() async throws {
            let warranty = try warrantyUntil.map { text -> Date in
                guard let date = Accounts.warrantyDay(text) else { throw ValidationError("--warranty-until must be YYYY-MM-DD, got '\(text)'") }
                return date
            }
            let admins = try admins.map { text -> Customer.Admin in
                let parts = text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 3, !parts[0].isEmpty else { throw ValidationError("--admin takes \"Name|email|phone\", got '\(text)'") }
                return Customer.Admin(name: parts[0], email: parts[1], phone: parts[2])
            }
            try await withAccounts(target.slug) { accounts, tenant, runtime in
                let issued = try await accounts.issueToken(
                    tenant: tenant,
                    customer: target.customer,
                    code: code,
                    warrantyUntil: warranty,
                    admins: admins,
                    logger: runtime.logger
                )
                print("token for \(target.customer) (\(issued.code)) (shown once; only its hash is kept):")
                print(issued.token)
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the customer's token; the old one stops working at once.")

        @OptionGroup var target: Target

        func run() async throws {
            try await withAccounts(target.slug) { accounts, tenant, runtime in
                let issued = try await accounts.rotateToken(tenant: tenant, customer: target.customer, logger: runtime.logger)
                print("new token for \(target.customer) (\(issued.code)) (shown once; the old one no longer works):")
                print(issued.token)
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the customer's token and end its sessions.")

        @OptionGroup var target: Target

        func run() async throws {
            try await withAccounts(target.slug) { accounts, tenant, runtime in
                try await accounts.revokeToken(tenant: tenant, customer: target.customer, logger: runtime.logger)
                print("token of \(target.customer) revoked")
            }
        }
    }
}

struct CustomerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: "Customer organisations' settings.",
        subcommands: [List.self, Manager.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tenant's customer organisations with their codes, newest first.")

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            try await withAccounts(slug) { accounts, tenant, runtime in
                let customers = try await accounts.customers(tenant: tenant, logger: runtime.logger)
                if json {
                    print(try TenantView.json(customers.map(CustomerListing.init)))
                    return
                }
                print("code\tname\twarranty until\ttoken\taccount manager")
                for customer in customers.map(CustomerListing.init) {
                    print(
                        [
                            customer.code, customer.name, customer.warrantyUntil ?? "-", customer.hasToken ? "yes" : "no",
                            customer.accountManager ?? "-",
                        ]
                        .joined(separator: "\t")
                    )
                }
            }
        }
    }

    /// One organisation as `customer list` prints it.
    struct CustomerListing: Encodable {
        var code: String
        var name: String
        var warrantyUntil: String?
        var hasToken: Bool
        var accountManager: String?

        init(_ account: CustomerAccount) {
            code = account.code
            name = account.name
            warrantyUntil = account.warrantyUntil.map { $0.formatted(.iso8601.year().month().day()) }
            hasToken = account.tokenIssuedAt != nil
            accountManager = account.accountManager
        }
    }

    struct Manager: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a customer its own account manager, who is assigned every new ticket of the customer (or remove them with --none)."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "The customer organisation: its code (KH0001), or a name only one organisation has.")
        var customer: String

        @Option(help: "The staff member's username.")
        var staff: String?

        @Flag(help: "Remove the account manager: new tickets go to the team of their type again.")
        var none = false

        func validate() throws {
            guard (staff == nil) == none else { throw ValidationError("give --staff USERNAME or --none") }
        }

        func run() async throws {
            try await withAccounts(slug) { accounts, tenant, runtime in
                try await accounts.setAccountManager(tenant: tenant, customer: customer, username: staff, logger: runtime.logger)
                print(staff.map { "\(customer)'s tickets now go to \($0)" } ?? "\(customer) has no account manager now")
            }
        }
    }
}

/// Runs `body` with the tenant named by `slug` and the accounts service on the admin login.
func withAccounts(_ slug: String, _ body: (Accounts, Tenant, AdminRuntime) async throws -> Void) async throws {
    try await withTenant(slug) { database, tenant, runtime in try await body(Accounts(database: database), tenant, runtime) }
}

/// Runs `body` with the tenant named by `slug` and the admin login's pool.
func withTenant(_ slug: String, _ body: (Database, Tenant, AdminRuntime) async throws -> Void) async throws {
    let runtime = try AdminRuntime.start()
    let slug = try operatorFacing { try TenantSlug(slug) }
    try await runtime.withAdminDatabase { database in
        guard let tenant = try await TenantCatalog(database: database).find(slug, logger: runtime.logger) else {
            throw TenantError.notFound(slug.value)
        }
        try await body(database, tenant, runtime)
    }
}
