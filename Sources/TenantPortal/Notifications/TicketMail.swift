import Mustache
import PGStore

/// Writes a notification mail about a ticket (PRODUCT.md B8): its code, title and stage, and a
/// link to the portal (or the rating page), in one language, ready for the outbox.
struct TicketMail: Sendable {
    let templates: MustacheLibrary

    struct Action {
        var url: String
    }

    func compose(
        _ occasion: MailText.Occasion,
        code: String,
        title: String,
        stageName: String,
        recipientName: String,
        recipient: String,
        tenant: Tenant,
        action: Action,
        language: Language
    ) -> OutgoingMail {
        MailLetter(
            subject: MailText.subject(occasion, tenant: tenant.displayName, code: code, title: title, stage: stageName, language),
            greeting: MailText.greeting(recipientName, language),
            intro: MailText.intro(occasion, language),
            facts: [
                (MailText.label(.code, language), code), (MailText.label(.title, language), title), (MailText.label(.stage, language), stageName),
            ],
            action: (label: MailText.action(occasion, language), url: action.url)
        ).outgoing(
            ticketCode: code,
            event: occasion.event,
            recipient: recipient,
            tenant: tenant.displayName,
            templates: templates,
            language: language
        )
    }
}

extension MailText.Occasion {
    /// The outbox's name for the occasion, for operators and staff.
    var event: String {
        switch self {
        case .created: "created"
        case .moved: "stage_changed"
        case .completed: "completed"
        case .escalated: "escalated"
        }
    }
}
