import ArgumentParser
import Foundation
import PGStore
import TenantPortal

struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant",
        abstract: "Create, list, show, suspend, resume and delete tenants; set their service introduction.",
        subcommands: [Create.self, List.self, Show.self, Update.self, Introduction.self, Suspend.self, Resume.self, Delete.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a tenant: its schema t_<slug> with every migration applied, its database role and its first staff admin.",
            discussion: """
                Slugs match ^[a-z][a-z0-9-]{1,39}$; hyphens become underscores in the schema name. With --admin, the \
                admin's initial password is read from standard input (first line), never from the command line, \
                and the admin is created in the same transaction as the tenant.
                """
        )

        @Argument(help: "Short name used in URLs (/t/<slug>/), e.g. an-phat.")
        var slug: String

        @Option(help: "Display name shown on the portal.")
        var name: String

        @Option(help: "Comma-separated modules: \(PortalModule.allCases.map(\.rawValue).joined(separator: ",")).")
        var modules = ""

        @Option(help: "Default language of the portal: vi or en.")
        var locale = "vi"

        @Option(help: "IANA time zone the tenant's times are shown in.")
        var timeZone = "Asia/Ho_Chi_Minh"

        @Option(
            help:
                "Username of the tenant's first staff admin (2-40 of a-z, 0-9, '.', '_', '-'); the password comes from stdin, unless --admin-email invites them."
        )
        var admin: String?

        @Option(help: "Name the first staff admin is shown by (default: the username).")
        var adminName: String?

        @Option(
            help:
                "Invite the first staff admin by mail to this address instead of reading a password: they choose their own through the link, within \(StaffInvitation.hours) hours."
        )
        var adminEmail: String?

        func validate() throws {
            if (adminName != nil || adminEmail != nil) && admin == nil {
                throw ValidationError("--admin-name and --admin-email need --admin (the first staff admin's username)")
            }
        }

        func run() async throws {
            let runtime = try AdminRuntime.start()
            let new = try operatorFacing {
                try NewTenant(slug: slug, displayName: name, modules: modules, locale: locale, timeZone: timeZone)
            }
            // Checked before anything is created: a bad username or password leaves no tenant behind.
            var firstAdmin: TenantOnboarding.FirstAdmin?
            if let admin, let adminEmail {
                firstAdmin = .invited(
                    try await operatorFacing {
                        try await StaffInvitation(
                            username: admin,
                            displayName: adminName,
                            role: .admin,
                            team: "",
                            email: adminEmail,
                            slug: new.slug,
                            tenantName: new.displayName,
                            locale: new.locale,
                            writer: try runtime.invitationMail()
                        )
                    }
                )
            } else if let admin {
                let password = try readPassword()
                firstAdmin = .withPassword(
                    try await operatorFacing {
                        try await Accounts.NewStaffMember(username: admin, displayName: adminName, role: .admin, team: "", password: password)
                    }
                )
            }
            let tenant = try await runtime.withAdminDatabase { database in
                try await TenantOnboarding(provisioner: runtime.provisioner(database))
                    .create(new, firstAdmin: firstAdmin, actor: "portal-admin", logger: runtime.logger)
            }
            print("created tenant \(tenant.slug): schema \(tenant.slug.schemaName), version \(tenant.schemaVersion), portal /t/\(tenant.slug)/")
            switch firstAdmin {
            case .withPassword(let member): print("staff admin \(member.username) created; they sign in at /t/\(tenant.slug)/staff/login")
            case .invited(let invitation): printInvitation(invitation)
            case nil: break
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tenants with status, modules, schema version and size.")

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            let runtime = try AdminRuntime.start()
            let (tenants, sizes) = try await runtime.withAdminDatabase { database in
                let catalog = TenantCatalog(database: database)
                return (try await catalog.list(logger: runtime.logger), try await catalog.sizes(logger: runtime.logger))
            }
            let views = tenants.map { TenantView($0, bytes: sizes[$0.slug] ?? 0) }
            if json {
                print(try TenantView.json(views))
            } else {
                print(TenantView.table(views))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one tenant, with rows and bytes per table.")

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let runtime = try AdminRuntime.start()
            let slug = try operatorFacing { try TenantSlug(self.slug) }
            let (tenant, usage) = try await runtime.withAdminDatabase { database in
                let catalog = TenantCatalog(database: database)
                guard let tenant = try await catalog.find(slug, logger: runtime.logger) else { throw TenantError.notFound(slug.value) }
                return (tenant, try await catalog.usage(of: slug, logger: runtime.logger))
            }
            let view = TenantView(tenant, bytes: usage.reduce(0) { $0 + $1.bytes }, tables: usage)
            print(json ? try TenantView.json(view) : view.details)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a tenant's display name, modules, language or time zone.",
            discussion: """
                --modules replaces the list: a module added brings its default workflows, in the same transaction; a module \
                removed keeps its workflows and tickets. Every running server sees the change at once.
                """
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "Display name shown on the portal.")
        var name: String?

        @Option(help: "Comma-separated modules, the whole list: \(PortalModule.allCases.map(\.rawValue).joined(separator: ",")).")
        var modules: String?

        @Option(help: "Default language of the portal: vi or en.")
        var locale: String?

        @Option(help: "IANA time zone the tenant's times are shown in.")
        var timeZone: String?

        func validate() throws {
            guard name != nil || modules != nil || locale != nil || timeZone != nil else {
                throw ValidationError("give at least one of --name, --modules, --locale, --time-zone")
            }
        }

        func run() async throws {
            let runtime = try AdminRuntime.start()
            let slug = try operatorFacing { try TenantSlug(self.slug) }
            let edit = try operatorFacing { try TenantEdit(displayName: name, modules: modules, locale: locale, timeZone: timeZone) }
            let tenant = try await runtime.withAdminDatabase { database in
                try await TenantOnboarding.update(slug, edit, in: TenantCatalog(database: database), actor: "portal-admin", logger: runtime.logger)
            }
            let list = tenant.modules.isEmpty ? "-" : tenant.modules.map(\.rawValue).joined(separator: ",")
            print(
                "tenant \(tenant.slug) updated: \(tenant.displayName); modules \(list); locale \(tenant.locale.rawValue); time zone \(tenant.timeZone)"
            )
        }
    }

    struct Suspend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Suspend a tenant: its portal answers a \"suspended\" page; its data is kept."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        func run() async throws {
            try await changeStatus(slug, to: .suspended)
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resume a suspended tenant.")

        @Argument(help: "The tenant's slug.")
        var slug: String

        func run() async throws {
            try await changeStatus(slug, to: .active)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a suspended tenant with all its data, schema and role.",
            discussion: "Refuses an active tenant. Export the tenant first if its data may be needed again."
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "The slug typed again, to confirm.")
        var confirm: String

        func run() async throws {
            let runtime = try AdminRuntime.start()
            let slug = try operatorFacing { try TenantSlug(self.slug) }
            try await runtime.withAdminDatabase { database in
                try await runtime.provisioner(database).delete(slug, confirmation: confirm, logger: runtime.logger)
            }
            print("deleted tenant \(slug) and schema \(slug.schemaName)")
        }
    }
}

private func changeStatus(_ text: String, to status: TenantStatus) async throws {
    let runtime = try AdminRuntime.start()
    let slug = try operatorFacing { try TenantSlug(text) }
    let tenant = try await runtime.withAdminDatabase { database in
        try await TenantCatalog(database: database).setStatus(status, of: slug, actor: "portal-admin", logger: runtime.logger)
    }
    print("tenant \(tenant.slug) is \(tenant.status.rawValue)")
}
