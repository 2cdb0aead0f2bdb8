import Crypto
import Foundation
import PGStore

/// The links the portal puts in mail: where it is reached from outside (`PUBLIC_BASE_URL`), and
/// signed links that must not be forged (`LINK_SECRET`). A rating link (PRODUCT.md B9) is bound to
/// its tenant and ticket and carries its own expiry, all under one HMAC-SHA256.
public struct PortalLinks: Sendable {
    public let baseURL: String
    private let secret: Data
    static let ratingLifetime: TimeInterval = 30 * 86_400

    public init(baseURL: String, secret: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.secret = Data(secret.utf8)
    }

    /// The tenant's portal, where the customer signs in and follows the ticket.
    func portal(_ tenant: TenantSlug) -> String {
        baseURL + PortalPath.front.href(tenant)
    }

    /// `/t/{slug}/staff/invitation?k=<token>` (staff) or `/t/{slug}/invitation?k=<token>` (portal
    /// users): where the holder of a new account chooses their password. The token is random and
    /// kept only as a hash, so this link needs no signature.
    func invitation(token: String, holder: PasswordHolder, tenant: TenantSlug) -> String {
        baseURL + PortalPath.invitation(holder).with(query: "k=\(token)").href(tenant)
    }

    /// `/t/{slug}/rate/{code}?k=<expiry>.<signature>`.
    func rating(code: String, tenant: TenantSlug, now: Date = Date()) -> String {
        let key = ratingKey(code: code, tenant: tenant, expires: now.addingTimeInterval(Self.ratingLifetime))
        return baseURL + PortalPath.rating(code).with(query: "k=\(key)").href(tenant)
    }

    func ratingKey(code: String, tenant: TenantSlug, expires: Date) -> String {
        ratingKey(code: code, tenant: tenant, expiresAt: Int(expires.timeIntervalSince1970))
    }

    /// The key for an expiry in whole seconds. A key is checked by signing the integer it carries,
    /// never by a round trip through `Date`: `Int(Double(Int.max))` traps, and a key's number is
    /// whatever a caller sent.
    private func ratingKey(code: String, tenant: TenantSlug, expiresAt seconds: Int) -> String {
        let signature = HMAC<SHA256>.authenticationCode(
            for: Data(Self.ratingMessage(code: code, tenant: tenant, expires: seconds).utf8),
            using: SymmetricKey(data: secret)
        )
        return "\(seconds).\(Data(signature).base64URLEncoded)"
    }

    /// Checks a rating link's key: refused when forged, altered (in any character: the key is
    /// compared as text, so no second spelling of the same signature passes), meant for another
    /// ticket or tenant, or past its expiry.
    func verifyRating(key text: String?, code: String, tenant: TenantSlug, now: Date = Date()) throws(PortalError) {
        guard let text, let seconds = text.split(separator: ".", maxSplits: 1).first.flatMap({ Int($0) }),
            Secrets.constantTimeEquals(text, ratingKey(code: code, tenant: tenant, expiresAt: seconds))
        else { throw .ratingLinkInvalid }
        guard seconds > Int(now.timeIntervalSince1970) else { throw .ratingLinkExpired }
    }

    private static func ratingMessage(code: String, tenant: TenantSlug, expires: Int) -> String {
        "rate\n\(tenant)\n\(code)\n\(expires)"
    }
}
