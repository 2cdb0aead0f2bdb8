import Foundation
import Logging
import Mail
import PGStore
import ServiceLifecycle

/// Delivers the outbox (PRODUCT.md B8): claims due messages of every tenant, sends them over one
/// SMTP connection per batch and records each outcome. Any number of these, in one process or in
/// many, share the work: a claim skips rows another worker is claiming and hides the claimed ones
/// for `lease`, longer than a batch takes with a working relay. Delivery is at least once: a worker
/// that stops between the relay's "250" and recording it, or whose lease ran out on a relay slow
/// enough (minutes per reply), leaves the message to be sent again; the Message-ID stays the same,
/// and a late worker's outcome never replaces the newer claim's.
///
/// A message refused for good (5xx), or still failing after `maxAttempts`, is parked where staff and
/// operators see it (`portal-admin outbox list`); other failures are retried with growing pauses.
public struct MailDelivery: Service {
    let database: Database
    let client: SMTPClient
    let sender: String
    let logger: Logger
    var batchSize = 50
    var idlePause: Duration = .milliseconds(500)
    var lease: Duration = .seconds(600)
    var maxAttempts = 8
    private let outbox = OutboxStore()

    public init(database: Database, client: SMTPClient, sender: String, logger: Logger, idlePause: Duration = .milliseconds(500)) {
        self.database = database
        self.client = client
        self.sender = sender
        self.logger = logger
        self.idlePause = idlePause
    }

    /// Works until shutdown; a batch under way is finished first, so nothing is sent and forgotten.
    public func run() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let claimed: Int
            do {
                claimed = try await deliverBatch()
            } catch {
                logger.error("outbox delivery failed", metadata: ["reason": "\(error.operatorMessage)"])
                claimed = 0
            }
            if claimed < batchSize {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: idlePause) }
            }
        }
    }

    /// One round: claim, send, record. Returns how many messages were claimed.
    @discardableResult
    func deliverBatch() async throws -> Int {
        let claimed = try await database.withConnection(logger: logger) { connection in
            try await outbox.claim(limit: batchSize, lease: lease, on: connection, logger: logger)
        }
        guard !claimed.isEmpty else { return 0 }
        var outcomes: [(OutboxMessage, Result<Void, MailDeliveryError>)] = []
        var mails: [(OutboxMessage, MailMessage)] = []
        for message in claimed {
            do {
                mails.append((message, try mail(for: message)))
            } catch {
                outcomes.append((message, .failure(.permanent(.init(step: "compose", reason: "\(error)")))))
            }
        }
        outcomes += zip(mails.map(\.0), await client.send(mails.map(\.1))).map { ($0, $1) }
        try await record(outcomes)
        return claimed.count
    }

    private func mail(for message: OutboxMessage) throws -> MailMessage {
        try MailMessage(
            from: MailAddress(sender, displayName: message.mail.senderName),
            to: [MailAddress(message.mail.recipient)],
            subject: message.mail.subject,
            text: message.mail.textBody,
            html: message.mail.htmlBody.isEmpty ? nil : message.mail.htmlBody,
            // The outbox id makes the Message-ID: a message retried after a lost reply keeps its
            // id, so the receiving side can tell it is the same mail.
            headers: ["Message-ID": "<outbox-\(message.id)@\(sender.split(separator: "@").last ?? "portal")>", "Auto-Submitted": "auto-generated"]
        )
    }

    private func record(_ outcomes: [(OutboxMessage, Result<Void, MailDeliveryError>)]) async throws {
        try await database.withConnection(logger: logger) { connection in
            try await outbox.markSent(
                outcomes.compactMap { message, result in if case .success = result { message } else { nil } },
                on: connection,
                logger: logger
            )
            for case let (message, .failure(error)) in outcomes {
                if error.isTransient && message.attempts < maxAttempts {
                    try await outbox.retryLater(
                        message,
                        at: Date().addingTimeInterval(retryPause(after: message.attempts)),
                        error: error.description,
                        on: connection,
                        logger: logger
                    )
                } else {
                    logger.warning("outbox message parked", metadata: ["outbox_id": "\(message.id)", "reason": "\(error)"])
                    try await outbox.park(message, error: error.description, on: connection, logger: logger)
                }
            }
        }
    }

    /// 30 s after the first failure, doubling each time, at most an hour.
    func retryPause(after attempts: Int) -> TimeInterval {
        min(3600, 30 * pow(2, Double(max(0, attempts - 1))))
    }
}
