import ArgumentParser
import Foundation
import PGStore
import TenantPortal

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Create or invite staff members and reset their passwords.",
        discussion: passwordFromStandardInput,
        subcommands: [Create.self, Invite.self, ResetPassword.self]
    )

    /// What `create` and `invite` ask of a new member.
    struct NewMember: ParsableArguments {
        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "Sign-in name: 2-40 of a-z, 0-9, '.', '_', '-', not used by another staff member or portal user.")
        var username: String

        @Option(help: "admin or agent.")
        var role: String

        @Option(help: "Name shown to customers (default: the username).")
        var name: String?

        @Option(help: "The team the member works in.")
        var team = ""

        var staffRole: StaffMember.Role { StaffMember.Role(rawValue: role) ?? .agent }

        func validate() throws {
            guard StaffMember.Role(rawValue: role) != nil else { throw ValidationError("--role must be admin or agent") }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a staff member; the password comes from stdin.")

        @OptionGroup var member: NewMember

        @Option(help: "Where escalations reach the member when they lead a team.")
        var email: String?

        func run() async throws {
            let password = try readPassword()
            try await withAccounts(member.slug) { accounts, tenant, runtime in
                try await accounts.createStaff(
                    tenant: tenant,
                    username: member.username,
                    displayName: member.name,
                    role: member.staffRole,
                    team: member.team,
                    email: email,
                    password: password,
                    logger: runtime.logger
                )
                print("staff member \(member.username.lowercased()) created in \(tenant.slug) as \(member.role)")
            }
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invite a staff member by mail: they choose their own password through the link, once, within \(StaffInvitation.hours) hours.",
            discussion: """
                The mail waits in the outbox for the delivery workers (portal-admin serve). The link is also printed, once, as the \
                last line. Inviting a member who has not used an earlier invitation sends a new link; the old one stops working.
                """
        )

        @OptionGroup var member: NewMember

        @Option(help: "Where the invitation goes.")
        var email: String

        func run() async throws {
            try await withAccounts(member.slug) { accounts, tenant, runtime in
                let invitation = try await StaffInvitation(
                    username: member.username,
                    displayName: member.name,
                    role: member.staffRole,
                    team: member.team,
                    email: email,
                    slug: tenant.slug,
                    tenantName: tenant.displayName,
                    locale: tenant.locale,
                    writer: try runtime.invitationMail()
                )
                try await accounts.invite(invitation, tenant: tenant, logger: runtime.logger)
                printInvitation(invitation)
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password (from stdin) and end the member's sessions."
        )

        @OptionGroup var account: LoginTarget

        func run() async throws { try await account.resetPassword(of: .staff) }
    }
}

/// Portal users: people who sign in to the portal with a password (lottery agents, employees).
struct PortalUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-user",
        abstract: "Create portal users (lottery agents, employees) and reset their passwords.",
        discussion: passwordFromStandardInput,
        subcommands: [Create.self, ResetPassword.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a portal user; the password comes from stdin.")

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Argument(help: "Sign-in name: 2-40 of a-z, 0-9, '.', '_', '-', not used by another portal user or staff member.")
        var username: String

        @Option(help: "agent (a lottery agent) or employee.")
        var kind: String

        @Option(help: "Name shown on the portal (default: the username).")
        var name: String?

        @Option(help: "The day the account stops working, YYYY-MM-DD, from midnight in the tenant's time zone (default: never).")
        var endsOn: String?

        func validate() throws {
            guard Accounts.NewPortalUser.kinds.contains(kind) else { throw ValidationError("--kind must be agent or employee") }
        }

        func run() async throws {
            let password = try readPassword()
            let user = try await operatorFacing {
                try await Accounts.NewPortalUser(username: username, displayName: name, kind: kind, endsOn: endsOn, password: password)
            }
            try await withAccounts(slug) { accounts, tenant, runtime in
                try await accounts.createPortalUser(user, tenant: tenant, logger: runtime.logger)
                print("portal user \(user.username) created in \(tenant.slug) as \(kind); they sign in at /t/\(tenant.slug)/")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password (from stdin) and end the user's sessions."
        )

        @OptionGroup var account: LoginTarget

        func run() async throws { try await account.resetPassword(of: .portalUser) }
    }
}

/// The account a password reset is for.
struct LoginTarget: ParsableArguments {
    @Argument(help: "The tenant's slug.")
    var slug: String

    @Argument(help: "The account's username.")
    var username: String

    func resetPassword(of holder: PasswordHolder) async throws {
        let password = try readPassword()
        try await withAccounts(slug) { accounts, tenant, runtime in
            try await accounts.resetPassword(of: holder, tenant: tenant, username: username, password: password, logger: runtime.logger)
            print("password of \(username) reset; their sessions have ended")
        }
    }
}

let passwordFromStandardInput = "The password is read from standard input (first line), never from the command line."

/// What an operator is told of an invitation: where it went, then the link alone on the last line.
func printInvitation(_ invitation: StaffInvitation) {
    print("staff member \(invitation.member.username) invited; the mail to \(invitation.member.email) waits in the outbox")
    print("invitation link (shown once, works once, within \(StaffInvitation.hours) hours):")
    print(invitation.link)
}

/// The first line of standard input, without its line break: passwords never go on the command line.
func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ValidationError("give the password on standard input, e.g. printf '%s\\n' \"$PASSWORD\" | portal-admin ...")
    }
    return line
}
