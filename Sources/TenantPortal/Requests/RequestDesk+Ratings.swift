import Logging
import PGStore
import ServiceLevels

/// Rating a finished ticket from the completion mail's signed link (PRODUCT.md B9). The link is the
/// customer's authority: no sign-in. One rating per ticket; a poor one (2 or less on either
/// question) raises the priority one step, goes into the timeline and tells the team lead.
extension RequestDesk {
    /// What the rating page shows: the ticket's title and, once given, the rating.
    public func ratingPage(code: String, key: String?, tenant: Tenant, logger: Logger) async throws -> (title: String, rating: Rating?) {
        try notices.links.verifyRating(key: key, code: code, tenant: tenant.slug)
        return try await database.reading(tenant.scope, logger: logger) { connection in
            guard let ticket = try await tickets.ticket(code: code, on: connection, logger: logger) else { throw PortalError.ticketNotFound }
            return (ticket.title, try await ratings.rating(ticketID: ticket.id, on: connection, logger: logger))
        }
    }

    public func rate(
        code: String,
        key: String?,
        handling: Int?,
        attitude: Int?,
        comment: String?,
        tenant: Tenant,
        logger: Logger
    ) async throws -> Rating {
        try notices.links.verifyRating(key: key, code: code, tenant: tenant.slug)
        let rating = Rating(
            handling: try Self.score(handling, field: "handling"),
            attitude: try Self.score(attitude, field: "attitude"),
            comment: try TextInput.optional(comment, field: "comment", limit: 2000) ?? ""
        )
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            // Locked: a poor rating raises the priority from what it reads, as the watch worker may at once.
            guard let ticket = try await tickets.ticket(code: code, locking: true, on: connection, logger: logger) else {
                throw PortalError.ticketNotFound
            }
            let all = try await workflows.value(of: tenant, on: connection, logger: logger)
            guard let workflow = all.first(where: { $0.ticketType == ticket.ticketType }), let stage = workflow.stage(ticket.stage), stage.terminal
            else { throw PortalError.ticketNotFinished }
            guard try await ratings.insert(rating, ticketID: ticket.id, on: connection, logger: logger) else { throw PortalError.alreadyRated }
            try await tickets.append(
                .init(actor: nil, kind: .rating, body: "\(rating.handling)/5, \(rating.attitude)/5 \(rating.comment)", isPublic: false),
                ticketID: ticket.id,
                on: connection,
                logger: logger
            )
            if min(rating.handling, rating.attitude) <= 2 {
                let raised = (Priority(rawValue: ticket.priority) ?? .normal).escalated
                try await tickets.setPriority(ticketID: ticket.id, to: raised.rawValue, on: connection, logger: logger)
                let reason = { (language: Language) in
                    MailText.lowRating(handling: rating.handling, attitude: rating.attitude, comment: rating.comment, language)
                }
                try await tickets.append(
                    .init(actor: nil, kind: .escalation, body: reason(tenant.language), isPublic: false),
                    ticketID: ticket.id,
                    on: connection,
                    logger: logger
                )
                try await notices.escalate(ticket, stage: stage, reason: reason, tenant: tenant, on: connection, logger: logger)
                if let record = try await tickets.record(code: ticket.code, publicOnly: false, on: connection, logger: logger) {
                    _ = try await serviceLevels.review(record, workflows: all, tenant: tenant, on: connection, logger: logger)
                }
            }
            return rating
        }
    }

    private static func score(_ value: Int?, field: String) throws(PortalError) -> Int {
        guard let value else { throw .invalid(field: field, .required) }
        guard (1...5).contains(value) else { throw .invalid(field: field, .outOfRange(1, 5)) }
        return value
    }
}
