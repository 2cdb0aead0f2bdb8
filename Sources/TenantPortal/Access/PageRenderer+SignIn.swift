import Foundation
import Hummingbird
import PGStore

/// The portal's front page and the staff sign-in page.
extension PageRenderer {
    /// The portal's front page: the welcome, the service introduction (B1), then the signed-in visitor's details (a customer's
    /// warranty and administrators, C2) or the sign-in form with any refusal and the username kept.
    func landing(
        tenant: Tenant,
        introduction: ServiceIntroduction,
        me: MeView?,
        csrf: String,
        error: String? = nil,
        username: String = "",
        language: Language,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var values: [String: Any] = [
            "title": tenant.displayName, "welcome": Catalog.welcome(tenant.displayName, language), "csrf": csrf,
            "trackLink": PortalText.trackLink(language), "introduction": Self.introduction(introduction, language) as Any,
        ]
        if let me {
            var details: [String: Any] = [
                "greeting": PortalText.signedInAs(me.name, language), "signOut": PortalText.signOut(language), "csrf": csrf,
                "myRequests": RequestPageText.myRequests(language), "newRequest": NewRequestText.newRequestLink(language),
                "passwordLink": (me.customer == nil ? PasswordText.heading(language) : nil) as Any,
            ]
            if let customer = me.customer {
                details["customer"] =
                    [
                        "warrantyLabel": PortalText.warranty(language), "warrantyDay": customer.warrantyUntil as Any,
                        "warrantyUntil": customer.warrantyUntil.flatMap(Accounts.warrantyDay).map { DateText.day($0, language) } as Any,
                        "warrantyStatus": customer.warrantyUntil == nil
                            ? PortalText.noWarranty(language) : PortalText.inWarranty(customer.inWarranty, language),
                        "hasAdmins": !customer.admins.isEmpty, "adminsLabel": PortalText.admins(language),
                        "admins": customer.admins.map { ["name": $0.name, "email": $0.email, "phone": $0.phone] },
                    ] as [String: Any]
            }
            values["me"] = details
        } else {
            values.merge([
                "signInHeading": PortalText.signInHeading(language), "tokenLabel": PortalText.tokenLabel(language),
                "tokenHint": PortalText.tokenHint(language), "orPassword": PortalText.orPassword(language),
                "usernameLabel": PortalText.usernameLabel(language), "passwordLabel": PortalText.passwordLabel(language),
                "submit": PortalText.submit(language), "error": error as Any, "username": username,
            ]) { $1 }
        }
        return render("access/landing", values, language: language, status: status)
    }

    /// The staff sign-in page, with any refusal and the username kept.
    func staffLogin(csrf: String, error: String?, username: String, language: Language, status: HTTPResponse.Status) -> Response {
        render(
            "access/staff-login",
            [
                "title": StaffText.loginHeading(language), "heading": StaffText.loginHeading(language), "csrf": csrf, "error": error as Any,
                "username": username, "usernameLabel": PortalText.usernameLabel(language), "passwordLabel": PortalText.passwordLabel(language),
                "submit": PortalText.submit(language),
            ],
            language: language,
            status: status
        )
    }
}
