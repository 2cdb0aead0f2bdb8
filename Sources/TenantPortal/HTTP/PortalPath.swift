import Hummingbird
import PGStore

/// An address under a tenant's `/t/{slug}/`, named once: pages redirect to these, page models link
/// to them and mail carries them (`PortalLinks`), so no link is a string put together where it is
/// used. A feature adds its own addresses as static members of an extension in its folder.
struct PortalPath: Sendable, Hashable {
    /// The path below `/t/{slug}/`, without a leading slash; "" is the portal's front page.
    let relative: String

    init(_ relative: String) {
        self.relative = relative
    }

    /// `/t/{slug}/<relative>`.
    func href(_ tenant: TenantSlug) -> String { "/t/\(tenant.value)/" + relative }

    /// The same address with a query (`saved`, `k=...`).
    func with(query: String) -> PortalPath { PortalPath(relative + "?" + query) }

    static let front = PortalPath("")
    static let staffHome = PortalPath("staff/")
    static let staffLogin = PortalPath("staff/login")

    /// Where a set-password link leads (`InvitationPages`).
    static func invitation(_ holder: PasswordHolder) -> PortalPath {
        PortalPath(holder == .staff ? "staff/invitation" : "invitation")
    }

    static func staff(_ section: StaffSection) -> PortalPath { PortalPath("staff/" + section.path) }
}

extension Response {
    /// "See other" to one of the tenant's addresses: after a form is taken, the browser loads it
    /// with a GET, so a reload does not post the form again.
    static func seeOther(_ path: PortalPath, of tenant: Tenant) -> Response {
        var response = Response.redirect(to: path.href(tenant.slug), type: .found)
        response.status = .seeOther
        return response
    }
}
