import Foundation
import Logging
import PGStore
import PostgresNIO

/// A portal user's account made without a password (PRODUCT.md E1, F1): a link to choose one,
/// once within 72 hours, mailed through the outbox in the tenant's language. Checked and drawn
/// before any transaction; `add` stores the account, its link and the mail in the caller's
/// transaction, so they exist together or not at all.
public struct PortalUserInvitation: Sendable {
    public let account: Accounts.NewPortalUser
    private let secret: InvitationLink
    let mail: OutgoingMail

    /// The link the mail carries; shown to the operator once, like a token.
    public var link: String { secret.link }

    public init(account: Accounts.NewPortalUser, email: String, tenant: Tenant, writer: InvitationMail) {
        self.account = account
        secret = InvitationLink(holder: .portalUser, slug: tenant.slug, links: writer.links)
        mail = writer.compose(
            to: account.displayName,
            email: email,
            username: account.username,
            role: nil,
            holder: .portalUser,
            link: secret.link,
            tenantName: tenant.displayName,
            language: tenant.language
        )
    }

    /// Stores the account, its link and the mail on `connection`, in the tenant's scope; the
    /// account's id.
    func add(to tenant: Tenant, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let id = try await account.add(to: tenant, on: connection, logger: logger)
        try await secret.add(accountID: id, on: connection, logger: logger)
        try await OutboxStore().enqueue(mail, on: connection, logger: logger)
        return id
    }
}
