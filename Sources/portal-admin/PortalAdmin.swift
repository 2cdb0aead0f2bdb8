import ArgumentParser

/// `portal-admin`: runs the Tenant Portal service and manages its tenants and database.
@main
struct PortalAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-admin",
        abstract: "Run the Tenant Portal service and manage its tenants.",
        discussion: """
            Settings come from the environment:
              DATABASE_URL        the service's login, e.g. postgres://portal@localhost:5432/portal (required)
              DATABASE_LISTEN_URL where the change listeners connect (LISTEN): PostgreSQL itself
                                  when DATABASE_URL is a transaction pooler (defaults to DATABASE_URL)
              ADMIN_DATABASE_URL  the database owner, for DDL (defaults to DATABASE_URL)
              DATABASE_POOL_SIZE  most connections the service opens (default 20)
              HTTP_HOST, HTTP_PORT where serve listens (default 127.0.0.1:8080)
              LOG_LEVEL           trace, debug, info, notice, warning, error or critical (default info)
              ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES  per-file size (default 10 MiB) and files per ticket (10)
              SMTP_HOST, SMTP_PORT the mail relay (port default 587); unset: mail waits in the outbox
              SMTP_USERNAME, SMTP_PASSWORD, SMTP_STARTTLS (true/false, default false), SMTP_CA_FILE
              MAIL_FROM           sender of notification mail (default portal@localhost)
              MAIL_WORKERS        outbox delivery workers in serve (default 1)
              OUTBOX_RETENTION_DAYS  days delivered mail stays in the outbox before the purge
                                  removes it (default 90)
              PUBLIC_BASE_URL     where users reach the portal, for links in mail
              LINK_SECRET         at least 32 characters; signs links in mail (required by serve)
              TRUSTED_PROXIES     IP addresses of the reverse proxies in front, comma-separated;
                                  only their X-Forwarded-For names the client (default none)
            """,
        subcommands: [
            Serve.self, Migrate.self, TenantCommand.self, TokenCommand.self, CustomerCommand.self, StaffCommand.self, PortalUserCommand.self,
            AgentCommand.self, LotteryCommand.self, EmployeeCommand.self, OutboxCommand.self, PurgeCommand.self,
        ]
    )
}
