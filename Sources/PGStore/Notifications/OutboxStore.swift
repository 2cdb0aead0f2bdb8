import Foundation
import Logging
import PostgresNIO

/// A notification mail as a change writes it: already rendered, in the recipient's language.
public struct OutgoingMail: Sendable, Equatable {
    public var ticketCode: String?
    public var event: String
    /// The From display name, the tenant's name.
    public var senderName: String
    public var recipient: String
    public var subject: String
    public var textBody: String
    public var htmlBody: String

    public init(ticketCode: String?, event: String, senderName: String, recipient: String, subject: String, textBody: String, htmlBody: String) {
        self.ticketCode = ticketCode
        self.event = event
        self.senderName = senderName
        self.recipient = recipient
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
    }
}

/// A message in the outbox, as delivery workers and operators see it.
public struct OutboxMessage: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, sent, parked
    }

    public var id: Int
    /// The tenant's role (`t_<slug>`), which wrote the message.
    public var tenantRole: String
    public var mail: OutgoingMail
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
}

/// The shared outbox (`platform.outbox`, see its migration): tenants write to it inside their own
/// transactions, delivery workers claim from it with `FOR UPDATE SKIP LOCKED`, operators list and
/// retry. SQL only; the delivery rules are in TenantPortal's Notifications folder.
public struct OutboxStore: Sendable {
    public init() {}

    /// Adds a message, inside the tenant's transaction; row-level security stamps it with the tenant.
    public func enqueue(_ mail: OutgoingMail, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO platform.outbox (ticket_code, event, sender_name, recipient, subject, text_body, html_body)
            VALUES (\(mail.ticketCode), \(mail.event), \(mail.senderName), \(mail.recipient), \(mail.subject), \(mail.textBody),
                    \(mail.htmlBody))
            """,
            logger: logger
        )
    }

    /// Takes up to `limit` due messages for one delivery attempt, oldest first. Each is counted as
    /// attempted and hidden from other workers for `lease`; rows another worker is claiming right
    /// now are skipped, not waited for. A claimed message's `attempts` names the claim: the outcome
    /// is recorded only while it is still pending with that count, so a worker whose lease ran out
    /// (another has claimed the message since) cannot write over the newer outcome.
    public func claim(limit: Int, lease: Duration, on connection: PostgresConnection, logger: Logger) async throws -> [OutboxMessage] {
        let leaseSeconds = Double(lease.components.seconds) + Double(lease.components.attoseconds) / 1e18
        return try await messages(
            connection.query(
                """
                UPDATE platform.outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => \(leaseSeconds))
                WHERE id IN (
                    SELECT id FROM platform.outbox WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.columns)
                """,
                logger: logger
            )
        ).sorted { $0.id < $1.id }
    }

    /// Records the `claimed` messages as sent (see `claim`).
    public func markSent(_ claimed: [OutboxMessage], on connection: PostgresConnection, logger: Logger) async throws {
        guard !claimed.isEmpty else { return }
        try await connection.query(
            """
            UPDATE platform.outbox o SET status = 'sent', sent_at = now(), last_error = NULL
            FROM unnest(\(claimed.map(\.id))::bigint[], \(claimed.map(\.attempts))::integer[]) AS c(id, attempts)
            WHERE o.id = c.id AND o.attempts = c.attempts AND o.status = 'pending'
            """,
            logger: logger
        )
    }

    /// Leaves the `claimed` message pending until `at`, with the reason it failed this time.
    public func retryLater(_ claimed: OutboxMessage, at: Date, error: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            UPDATE platform.outbox SET next_attempt_at = \(at), last_error = \(error)
            WHERE id = \(claimed.id) AND attempts = \(claimed.attempts) AND status = 'pending'
            """,
            logger: logger
        )
    }

    /// Stops trying the `claimed` message: it waits for a person (`portal-admin outbox retry`, or staff).
    public func park(_ claimed: OutboxMessage, error: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            UPDATE platform.outbox SET status = 'parked', last_error = \(error)
            WHERE id = \(claimed.id) AND attempts = \(claimed.attempts) AND status = 'pending'
            """,
            logger: logger
        )
    }

    /// The newest messages, narrowed by status and tenant role when given. In a tenant's scope,
    /// row-level security narrows it to that tenant's messages whatever is asked.
    public func list(
        status: OutboxMessage.Status?,
        tenantRole: String?,
        limit: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [OutboxMessage] {
        try await messages(
            connection.query(
                """
                SELECT \(unescaped: Self.columns) FROM platform.outbox
                WHERE (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
                  AND (\(tenantRole)::text IS NULL OR tenant_role = \(tenantRole))
                ORDER BY id DESC LIMIT \(limit)
                """,
                logger: logger
            )
        )
    }

    /// Puts parked messages back in the queue with a fresh count of attempts: the ones listed, or
    /// with `ids` nil every parked one (of `tenantRole` when given). Returns how many.
    public func retry(ids: [Int]?, tenantRole: String?, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.rows(
            """
            UPDATE platform.outbox SET status = 'pending', attempts = 0, next_attempt_at = now()
            WHERE status = 'parked' AND (\(ids)::bigint[] IS NULL OR id = ANY(\(ids)))
              AND (\(tenantRole)::text IS NULL OR tenant_role = \(tenantRole))
            RETURNING id
            """,
            as: Int.self,
            logger: logger
        ).count
    }

    static let columns = """
        id, tenant_role, ticket_code, event, sender_name, recipient, subject, text_body, html_body, status, attempts, next_attempt_at,
        last_error, created_at
        """

    private func messages(_ rows: PostgresRowSequence) async throws -> [OutboxMessage] {
        var messages: [OutboxMessage] = []
        for try await row in rows {
            let cells = PostgresRandomAccessRow(row)
            func cell<T: PostgresDecodable>(_ index: Int, _ type: T.Type = T.self) throws -> T { try cells[index].decode(T.self) }
            messages.append(
                OutboxMessage(
                    id: try cell(0),
                    tenantRole: try cell(1),
                    mail: OutgoingMail(
                        ticketCode: try cell(2),
                        event: try cell(3),
                        senderName: try cell(4),
                        recipient: try cell(5),
                        subject: try cell(6),
                        textBody: try cell(7),
                        htmlBody: try cell(8)
                    ),
                    status: OutboxMessage.Status(rawValue: try cell(9)) ?? .pending,
                    attempts: try cell(10),
                    nextAttemptAt: try cell(11),
                    lastError: try cell(12),
                    createdAt: try cell(13)
                )
            )
        }
        return messages
    }
}
