import Foundation
import PGStore

/// One outbox message as `GET /outbox` and `portal-admin outbox list --json` show it; operators
/// also see whose it is and when it is next tried.
public struct OutboxMessageView: Encodable, Sendable {
    var id: Int
    var status: String
    var event: String
    var ticketCode: String?
    var recipient: String
    var subject: String
    var attempts: Int
    var lastError: String?
    var createdAt: Date
    var tenantRole: String?
    var nextAttemptAt: Date?

    public init(_ message: OutboxMessage, forOperators: Bool) {
        id = message.id
        status = message.status.rawValue
        event = message.mail.event
        ticketCode = message.mail.ticketCode
        recipient = message.mail.recipient
        subject = message.mail.subject
        attempts = message.attempts
        lastError = message.lastError
        createdAt = message.createdAt
        if forOperators {
            tenantRole = message.tenantRole
            nextAttemptAt = message.nextAttemptAt
        }
    }
}
