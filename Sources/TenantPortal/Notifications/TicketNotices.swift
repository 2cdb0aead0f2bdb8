import Logging
import PGStore
import PostgresNIO

/// Which mail a ticket event sends, by the tenant's choices (PRODUCT.md B8), written to the outbox
/// inside the change's own transaction: the mail exists exactly when the change does.
struct TicketNotices: Sendable {
    let mail: TicketMail
    let links: PortalLinks
    private let store = NotificationStore()
    private let outbox = OutboxStore()
    /// Each tenant's choices, read on every filing and move; `NotificationDesk` forgets them when it
    /// replaces them.
    let rules = TenantMemo { connection, logger in try await NotificationStore().rules(on: connection, logger: logger) }

    init(mail: TicketMail, links: PortalLinks) {
        self.mail = mail
        self.links = links
    }

    /// A ticket was filed: "we have received your request".
    func filed(_ ticket: Ticket, workflow: Workflow, tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws {
        guard try await rules.value(of: tenant, on: connection, logger: logger).onCreated else { return }
        try await toContact(
            .created,
            ticket,
            stage: workflow.firstStage,
            tenant: tenant,
            action: links.portal(tenant.slug),
            on: connection,
            logger: logger
        )
    }

    /// A ticket reached `stage`: "completed" with the rating link for a terminal stage, else "moved
    /// on" when the tenant wants mail for that stage and the customer may see it.
    func moved(_ ticket: Ticket, to stage: Workflow.Stage, tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws {
        let rules = try await rules.value(of: tenant, on: connection, logger: logger)
        if stage.terminal {
            guard rules.onCompleted else { return }
            let rating = links.rating(code: ticket.code, tenant: tenant.slug)
            try await toContact(.completed, ticket, stage: stage, tenant: tenant, action: rating, on: connection, logger: logger)
        } else if rules.onStages.contains(stage.key) && stage.customerVisible {
            try await toContact(.moved, ticket, stage: stage, tenant: tenant, action: links.portal(tenant.slug), on: connection, logger: logger)
        }
    }

    /// Tells the lead of the ticket's team that it needs attention; nothing when the team has no lead
    /// with an email address.
    func escalate(
        _ ticket: Ticket,
        stage: Workflow.Stage,
        reason: (Language) -> String,
        tenant: Tenant,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        guard let lead = try await store.teamLead(of: ticket.team, on: connection, logger: logger) else { return }
        let language = tenant.language
        try await outbox.enqueue(
            mail.compose(
                .escalated(reason: reason(language)),
                code: ticket.code,
                title: ticket.title,
                stageName: stage.name(in: language),
                recipientName: lead.name,
                recipient: lead.email,
                tenant: tenant,
                action: .init(url: links.portal(tenant.slug)),
                language: language
            ),
            on: connection,
            logger: logger
        )
    }

    private func toContact(
        _ occasion: MailText.Occasion,
        _ ticket: Ticket,
        stage: Workflow.Stage,
        tenant: Tenant,
        action: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let language = ticket.customerLanguage.flatMap(Language.init(rawValue:)) ?? tenant.language
        try await outbox.enqueue(
            mail.compose(
                occasion,
                code: ticket.code,
                title: ticket.title,
                stageName: stage.name(in: language),
                recipientName: ticket.contact.name,
                recipient: ticket.contact.email,
                tenant: tenant,
                action: .init(url: action),
                language: language
            ),
            on: connection,
            logger: logger
        )
    }
}

extension Workflow.Stage {
    func name(in language: Language) -> String {
        language == .vi ? nameVi : nameEn
    }
}
