import Foundation
import Logging
import PGStore

/// Using a set-password link (`StaffInvitation`, `PortalUserInvitation`): the account's holder
/// chooses their password and is signed in, in one transaction that also uses the link up.
extension SignInDesk {
    /// Who the link is for: their username and name. Refused when the link is unknown or used
    /// (403), or expired (410).
    public func invitation(
        token: String,
        holder: PasswordHolder,
        tenant: Tenant,
        logger: Logger
    ) async throws -> (username: String, name: String) {
        guard
            let found = try await database.reading(
                tenant.scope,
                logger: logger,
                { connection in
                    try await store.invitation(holder: holder, digest: Secrets.digest(token), on: connection, logger: logger)
                }
            )
        else { throw PortalError.invitationInvalid }
        guard !found.expired else { throw PortalError.invitationExpired }
        return (found.username, found.name)
    }

    /// Sets the password the holder chose and opens their first session; the link stops working.
    public func acceptInvitation(token: String, holder: PasswordHolder, password: String, tenant: Tenant, logger: Logger) async throws -> Session {
        try Secrets.checkNewPassword(password, field: "new_password")
        _ = try await invitation(token: token, holder: holder, tenant: tenant, logger: logger)
        let hash = try await Secrets.hashPassword(password)
        let session: Session? = try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard
                let username = try await store.acceptInvitation(
                    holder: holder,
                    digest: Secrets.digest(token),
                    passwordHash: hash,
                    on: connection,
                    logger: logger
                ),
                let (principal, _, ended) = try await store.passwordAccount(username: username, on: connection, logger: logger), !ended
            else { return nil }
            return try await openSession(for: principal, on: connection, logger: logger)
        }
        // Used (or expired) between the look and the change: the other use won.
        // No holder to forget: an account whose password was never chosen never had a session.
        guard let session else { throw PortalError.invitationInvalid }
        return session
    }
}
