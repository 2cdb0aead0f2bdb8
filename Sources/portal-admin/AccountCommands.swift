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

        @Option(help: "The customer organisation's name.")
        var customer: String
    }

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the customer if new and give it a token.")

        @OptionGroup var target: Target

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
                let token = try await accounts.issueToken(
                    tenant: tenant, customer: target.customer, warrantyUntil: warranty, admins: admins, logger: runtime.logger)
                print("token for \(target.customer) (shown once; only its hash is kept):")
                print(token)
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace the customer's token; the old one stops working at once.")

        @OptionGroup var target: Target

        func run() async throws {
            try await withAccounts(target.slug) { accounts, tenant, runtime in
                let token = try await accounts.rotateToken(tenant: tenant, customer: target.customer, logger: runtime.logger)
                print("new token for \(target.customer) (shown once; the old one no longer works):")
                print(token)
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
        subcommands: [Manager.self]
    )

    struct Manager: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a customer its own account manager, who is assigned every new ticket of the customer (or remove them with --none).")

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "The customer organisation's name.")
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
    let runtime = try AdminRuntime.start()
    let slug = try operatorFacing { try TenantSlug(slug) }
    try await runtime.withAdminDatabase { database in
        guard let tenant = try await TenantCatalog(database: database).find(slug, logger: runtime.logger) else {
            throw TenantError.notFound(slug.value)
        }
        try await body(Accounts(database: database), tenant, runtime)
    }
}
