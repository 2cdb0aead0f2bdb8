import Mustache
import PGStore

/// Writes staff invitations (PRODUCT.md A1): the link to choose a password, and the mail that
/// carries it, in the tenant's language. Made once: where the service is assembled, with the
/// templates its pages and notices already compiled; by a command, for its one invitation.
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

    func compose(
        to member: Accounts.NewStaffMember,
        link: String,
        tenantName: String,
        hours: Int,
        language: Language
    ) -> OutgoingMail {
        MailLetter(
            subject: InvitationText.subject(tenant: tenantName, language),
            greeting: MailText.greeting(member.displayName, language),
            intro: InvitationText.intro(hours: hours, language),
            facts: [
                (InvitationText.username(language), member.username), (InvitationText.role(language), InvitationText.roleName(member.role, language)),
            ],
            action: (label: InvitationText.action(language), url: link)
        ).outgoing(ticketCode: nil, event: "invitation", recipient: member.email, tenant: tenantName, templates: templates, language: language)
    }
}
