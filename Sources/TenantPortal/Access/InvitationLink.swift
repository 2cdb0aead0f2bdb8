import Foundation
import Logging
import PGStore
import PostgresNIO

/// A set-password link (A1, E1, F1): a random token drawn before any transaction, the link that
/// carries it (shown to the operator once, like a token) and its digest, the only part kept. It
/// works once, within 72 hours.
struct InvitationLink: Sendable {
    static let lifetime: TimeInterval = 72 * 3600
    /// The lifetime as every text tells it.
    static let hours = Int(lifetime / 3600)

    let holder: PasswordHolder
    let link: String
    private let digest: [UInt8]

    init(holder: PasswordHolder, slug: TenantSlug, links: PortalLinks) {
        let token = Secrets.newToken()
        self.holder = holder
        link = links.invitation(token: token, holder: holder, tenant: slug)
        digest = Secrets.digest(token)
    }

    /// Stores the link for the account `id`, in the caller's transaction; an earlier link of the
    /// account stops working.
    func add(accountID id: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await AccessStore().createInvitation(
            holder: holder,
            accountID: id,
            digest: digest,
            expiresAt: Date().addingTimeInterval(Self.lifetime),
            on: connection,
            logger: logger
        )
    }
}
