import Foundation
import Logging
import PGStore
import PostgresNIO

/// An invitation to the staff workspace (PRODUCT.md A1): a new member, and a link that lets them
/// choose their own password once within 72 hours, mailed to them through the outbox in the
/// tenant's language. Everything is checked and drawn before any transaction (the member's details,
/// the link's random token, the mail); `add` stores it all in the caller's transaction, so the
/// member, the invitation and its mail exist together or not at all.
public struct StaffInvitation: Sendable {
    /// The lifetime as every text tells it.
    public static let hours = InvitationLink.hours

    public let member: Accounts.NewStaffMember
    private let secret: InvitationLink
    let mail: OutgoingMail

    /// The link the mail carries; shown to the operator once, like a token.
    public var link: String { secret.link }

    public init(
        username: String,
        displayName: String?,
        role: StaffMember.Role,
        team: String,
        email: String,
        slug: TenantSlug,
        tenantName: String,
        locale: PortalLocale,
        writer: InvitationMail
    ) async throws {
        member = try await .invited(username: username, displayName: displayName, role: role, team: team, email: email)
        secret = InvitationLink(holder: .staff, slug: slug, links: writer.links)
        let language = Language(rawValue: locale.rawValue) ?? .vi
        mail = writer.compose(
            to: member.displayName,
            email: member.email,
            username: member.username,
            role: InvitationText.roleName(member.role, language),
            holder: .staff,
            link: secret.link,
            tenantName: tenantName,
            language: language
        )
    }

    /// Stores the member, the invitation and its mail on `connection`, in the tenant's scope. A
    /// member who never used an earlier invitation gets this one instead (the old link stops
    /// working); any other existing username is `usernameTaken`.
    func add(on connection: PostgresConnection, logger: Logger) async throws {
        let store = AccessStore()
        let id: Int
        if let invited = try await store.reinvitedStaffID(
            username: member.username,
            displayName: member.displayName,
            role: member.role,
            team: member.team,
            email: member.email,
            on: connection,
            logger: logger
        ) {
            id = invited
        } else {
            id = try await member.add(on: connection, logger: logger)
        }
        try await secret.add(accountID: id, on: connection, logger: logger)
        try await OutboxStore().enqueue(mail, on: connection, logger: logger)
    }
}
