import Foundation
import Logging
import PGStore
import PostgresNIO
import ServiceLevels

/// Keeps each ticket's service-level clocks current (PRODUCT.md B10). Every change that can move
/// a clock (filing, a move, a first answer, a new priority) reviews the ticket in its own
/// transaction, and the watch worker reviews it again when the next warning or due time comes.
/// A review saves the due times, and for each warning or breach not raised before writes a
/// timeline entry and mails the team lead; a breach also raises the priority one step.
struct ServiceLevelDesk: Sendable {
    let notices: TicketNotices
    private let store = ServiceLevelStore()
    private let tickets = TicketStore()
    /// Each tenant's calendar and policies; `ServiceLevelSettings` forgets them when it replaces them.
    let rules = TenantMemo { connection, logger in
        try ServiceLevelRules(
            calendar: try await ServiceLevelStore().calendar(on: connection, logger: logger),
            policies: try await ServiceLevelStore().policies(on: connection, logger: logger)
        )
    }

    init(notices: TicketNotices) {
        self.notices = notices
    }

    /// Reviews the ticket of `record`, read after the change under review, and returns it as the
    /// review left it. `answeredNow`: the change was staff's first public answer, which stops the
    /// first-response clock for good.
    func review(
        _ record: TicketRecord,
        workflows: [Workflow],
        tenant: Tenant,
        answeredNow: Bool = false,
        on connection: PostgresConnection,
        logger: Logger,
        now: Date = Date()
    ) async throws -> TicketRecord {
        let ticket = record.ticket
        var state = record.clocks
        if answeredNow && state.firstResponseAt == nil { state.firstResponseAt = now }
        let rules = try await rules.value(of: tenant, on: connection, logger: logger)
        guard let workflow = workflows.first(where: { $0.ticketType == ticket.ticketType }),
            let policy = rules.policy(team: ticket.team, priority: ticket.priority)
        else {
            try await store.saveClocks(state, nextCheck: nil, ticketID: ticket.id, on: connection, logger: logger)
            var reviewed = record
            reviewed.clocks = state
            return reviewed
        }
        let calendar = try rules.calendar(of: tenant)
        var evaluation = try TicketClocks.evaluate(
            ticket: ticket,
            timeline: record.timeline,
            workflow: workflow,
            state: state,
            policy: policy,
            calendar: calendar,
            now: now
        )
        var priority = ticket.priority
        for mark in evaluation.newMarks {
            var raised: String?
            if mark.status == .breached, let next = Priority(rawValue: priority)?.escalated, next.rawValue != priority {
                priority = next.rawValue
                raised = priority
                try await tickets.setPriority(ticketID: ticket.id, to: priority, on: connection, logger: logger)
            }
            let text = { (language: Language) in ServiceLevelText.mark(mark, raisedTo: raised, language) }
            try await tickets.append(
                .init(actor: nil, kind: mark.status == .breached ? .slaBreach : .slaWarning, body: text(tenant.language), isPublic: false),
                ticketID: ticket.id,
                on: connection,
                logger: logger
            )
            if let stage = workflow.stage(ticket.stage) {
                try await notices.escalate(ticket, stage: stage, reason: text, tenant: tenant, on: connection, logger: logger)
            }
        }
        if priority != ticket.priority {
            // The new priority has its own targets: the due times follow them (the marks stay).
            if let raisedPolicy = rules.policy(team: ticket.team, priority: priority) {
                let again = try TicketClocks.evaluate(
                    ticket: ticket,
                    timeline: record.timeline,
                    workflow: workflow,
                    state: evaluation.state,
                    policy: raisedPolicy,
                    calendar: calendar,
                    now: now
                )
                evaluation.state.firstResponseDue = again.state.firstResponseDue
                evaluation.state.resolutionDue = again.state.resolutionDue
                evaluation.nextCheck = again.nextCheck
            }
        }
        try await store.saveClocks(evaluation.state, nextCheck: evaluation.nextCheck, ticketID: ticket.id, on: connection, logger: logger)
        // A warning or breach wrote to the timeline (and maybe the priority): read the ticket as it now is.
        if !evaluation.newMarks.isEmpty, let reread = try await tickets.record(code: ticket.code, publicOnly: false, on: connection, logger: logger) {
            return reread
        }
        var reviewed = record
        reviewed.clocks = evaluation.state
        return reviewed
    }
}
