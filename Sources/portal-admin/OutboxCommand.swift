import ArgumentParser
import PGStore
import TenantPortal

/// `portal-admin outbox`: what notification mail is waiting, sent or parked, and sending parked
/// mail again once its cause (a wrong address, a relay down) is fixed (PRODUCT.md B8).
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List notification mail in the outbox and retry parked mail.",
        subcommands: [List.self, Retry.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the newest outbox messages, newest first.")

        @Option(help: "Only messages with this status: pending, sent or parked.")
        var status: String?

        @Option(help: "Only this tenant's messages (its slug).")
        var tenant: String?

        @Option(help: "At most this many messages (1-1000).")
        var limit = 50

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() async throws {
            let runtime = try AdminRuntime.start()
            let status = try status.map { text in
                guard let status = OutboxMessage.Status(rawValue: text) else {
                    throw ValidationError("--status is '\(text)'; use pending, sent or parked")
                }
                return status
            }
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
            let role = try tenant.map { slug in try operatorFacing { try TenantSlug(slug).schemaName.name } }
            let messages = try await runtime.withAdminDatabase { database in
                try await database.withConnection(logger: runtime.logger) { connection in
                    try await OutboxStore().list(status: status, tenantRole: role, limit: limit, on: connection, logger: runtime.logger)
                }
            }
            if json {
                print(try TenantView.json(messages.map { OutboxMessageView($0, forOperators: true) }))
                return
            }
            print("id\tstatus\tattempts\ttenant\tticket\tevent\trecipient\tlast error")
            for message in messages {
                print(
                    [
                        "\(message.id)", message.status.rawValue, "\(message.attempts)", message.tenantRole, message.mail.ticketCode ?? "-",
                        message.mail.event, message.mail.recipient, message.lastError ?? "-",
                    ].joined(separator: "\t")
                )
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put parked messages back in the queue with a fresh count of attempts.",
            discussion: "Give message ids, or --all-parked (optionally with --tenant) for every parked message."
        )

        @Argument(help: "Ids of parked messages (from `outbox list`).")
        var ids: [Int] = []

        @Flag(help: "Retry every parked message (of --tenant, when given).")
        var allParked = false

        @Option(help: "Only this tenant's messages (its slug).")
        var tenant: String?

        func validate() throws {
            guard ids.isEmpty != allParked else { throw ValidationError("give message ids or --all-parked, not both and not neither") }
        }

        func run() async throws {
            let runtime = try AdminRuntime.start()
            let role = try tenant.map { slug in try operatorFacing { try TenantSlug(slug).schemaName.name } }
            let count = try await runtime.withAdminDatabase { database in
                try await database.withConnection(logger: runtime.logger) { connection in
                    try await OutboxStore().retry(ids: allParked ? nil : ids, tenantRole: role, on: connection, logger: runtime.logger)
                }
            }
            print("\(count) parked message(s) queued again")
        }
    }
}
