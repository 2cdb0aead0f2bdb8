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
    static let lifetime: TimeInterval = 72 * 3600
    /// The lifetime as every text tells it.
    public static let hours = Int(lifetime / 3600)

    public let member: Accounts.NewStaffMember
    /// The link the mail carries; shown to the operator once, like a token.
    public let link: String
    let digest: [UInt8]
    let mail: OutgoingMail

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
        let token = Secrets.newToken()
        link = writer.links.invitation(token: token, tenant: slug)
        digest = Secrets.digest(token)
        mail = writer.compose(
            to: member,
            link: link,
            tenantName: tenantName,
            hours: Self.hours,
            language: Language(rawValue: locale.rawValue) ?? .vi
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
        try await store.createInvitation(
            staffID: id,
            digest: digest,
            expiresAt: Date().addingTimeInterval(Self.lifetime),
            on: connection,
            logger: logger
        )
        try await OutboxStore().enqueue(mail, on: connection, logger: logger)
    }
}
