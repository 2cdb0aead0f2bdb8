import Mustache
import PGStore

/// Writes set-password links (PRODUCT.md A1, E1, F1): a staff member's invitation or a portal
/// user's new account, the link to choose a password and the mail that carries it, in the tenant's
/// language. Made once: where the service is assembled, with the templates its pages and notices
/// already compiled; by a command, for its one invitation.
public struct InvitationMail: Sendable {
    let links: PortalLinks
    let templates: MustacheLibrary

    public init(links: PortalLinks) throws {
        self.init(links: links, templates: try .embedded())
    }

    init(links: PortalLinks, templates: MustacheLibrary) {
        self.links = links
        self.templates = templates
    }

    /// The mail to `name` at `email` with the link to the account `username`; `role` is told
    /// among its facts when given (a staff member's).
    func compose(
        to name: String,
        email: String,
        username: String,
        role: String?,
        holder: PasswordHolder,
        link: String,
        tenantName: String,
        language: Language
    ) -> OutgoingMail {
        MailLetter(
            subject: InvitationText.subject(tenant: tenantName, holder, language),
            greeting: MailText.greeting(name, language),
            intro: InvitationText.intro(hours: InvitationLink.hours, holder, language),
            facts: [(InvitationText.username(language), username)] + (role.map { [(InvitationText.role(language), $0)] } ?? []),
            action: (label: InvitationText.action(language), url: link)
        ).outgoing(ticketCode: nil, event: "invitation", recipient: email, tenant: tenantName, templates: templates, language: language)
    }
}
