import Foundation
import Logging
import PGStore

/// Using an invitation's link (`StaffInvitation`): the member chooses their password and is signed
/// in, in one transaction that also uses the invitation up.
extension SignInDesk {
    /// Who the invitation is for: their username and name. Refused when the link is unknown or
    /// used (403), or expired (410).
    public func invitation(token: String, tenant: Tenant, logger: Logger) async throws -> (username: String, name: String) {
        guard
            let found = try await database.reading(
                tenant.scope,
                logger: logger,
                { connection in
                    try await store.invitation(digest: Secrets.digest(token), on: connection, logger: logger)
                }
            )
        else { throw PortalError.invitationInvalid }
        guard !found.expired else { throw PortalError.invitationExpired }
        return (found.username, found.name)
    }

    /// Sets the password the member chose and opens their first session; the link stops working.
    public func acceptInvitation(token: String, password: String, tenant: Tenant, logger: Logger) async throws -> Session {
        try Secrets.checkNewPassword(password, field: "new_password")
        _ = try await invitation(token: token, tenant: tenant, logger: logger)
        let hash = try await Secrets.hashPassword(password)
        let session: Session? = try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let member = try await store.acceptInvitation(digest: Secrets.digest(token), passwordHash: hash, on: connection, logger: logger)
            else { return nil }
            return try await openSession(for: .staff(member), on: connection, logger: logger)
        }
        // Used (or expired) between the look and the change: the other use won.
        // No holder to forget: a member who never chose a password never had a session.
        guard let session else { throw PortalError.invitationInvalid }
        return session
    }
}
