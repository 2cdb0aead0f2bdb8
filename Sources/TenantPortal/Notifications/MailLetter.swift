import Mustache
import PGStore

/// A mail as the portal lays every one out: a headline, a greeting, a paragraph, labelled facts and
/// one button, as HTML (`notifications/letter.mustache`, which escapes every value) and as the same words in
/// plain text, signed with the tenant's name.
struct MailLetter {
    var subject: String
    var greeting: String
    var intro: String
    var facts: [(label: String, value: String)]
    var action: (label: String, url: String)

    /// `tenant`: the sender's display name, which signs the mail.
    func outgoing(
        ticketCode: String?,
        event: String,
        recipient: String,
        tenant: String,
        templates: MustacheLibrary,
        language: Language
    ) -> OutgoingMail {
        let footer = MailText.footer(language)
        let text =
            ([greeting, "", intro, ""] + facts.map { "\($0.label): \($0.value)" }
            + ["", "\(action.label): \(action.url)", "", "--", tenant, footer]).joined(separator: "\n")
        let values: [String: Any] = [
            "lang": language.rawValue, "subject": subject, "tenant": tenant, "headline": subject, "greeting": greeting,
            "intro": intro, "facts": facts.map { ["label": $0.label, "value": $0.value] },
            "action": ["url": action.url, "label": action.label], "footer": footer,
        ]
        return OutgoingMail(
            ticketCode: ticketCode,
            event: event,
            senderName: tenant,
            recipient: recipient,
            subject: subject,
            textBody: text,
            htmlBody: templates.render(values, withTemplate: "notifications/letter") ?? ""
        )
    }
}
