import Mustache
import PGStore

/// Writes a notification mail about a ticket (PRODUCT.md B8): subject, plain text and HTML, in one
/// language, ready for the outbox. Mustache escapes every value in the HTML part.
struct TicketMail: Sendable {
    let templates: MustacheLibrary

    struct Action {
        var url: String
    }

    func compose(
        _ occasion: MailText.Occasion, code: String, title: String, stageName: String, recipientName: String, recipient: String,
        tenant: Tenant, action: Action, language: Language
    ) -> OutgoingMail {
        let subject = MailText.subject(occasion, tenant: tenant.displayName, code: code, title: title, stage: stageName, language)
        let facts: [(MailText.Fact, String)] = [(.code, code), (.title, title), (.stage, stageName)]
        let greeting = MailText.greeting(recipientName, language)
        let intro = MailText.intro(occasion, language)
        let actionLabel = MailText.action(occasion, language)
        let footer = MailText.footer(language)
        let text = ([greeting, "", intro, ""] + facts.map { "\(MailText.label($0.0, language)): \($0.1)" }
            + ["", "\(actionLabel): \(action.url)", "", "--", tenant.displayName, footer]).joined(separator: "\n")
        let values: [String: Any] = [
            "lang": language.rawValue, "subject": subject, "tenant": tenant.displayName, "headline": subject, "greeting": greeting,
            "intro": intro, "facts": facts.map { ["label": MailText.label($0.0, language), "value": $0.1] },
            "action": ["url": action.url, "label": actionLabel], "footer": footer,
        ]
        return OutgoingMail(
            ticketCode: code, event: occasion.event, senderName: tenant.displayName, recipient: recipient, subject: subject,
            textBody: text, htmlBody: templates.render(values, withTemplate: "mail/ticket") ?? "")
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
