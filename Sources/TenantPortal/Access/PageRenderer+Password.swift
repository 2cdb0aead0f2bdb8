import Foundation
import Hummingbird
import PGStore

extension PageRenderer {
    /// The password form, in the staff workspace's frame or on its own for the portal; the fields
    /// always come back empty, with each refusal next to its field and a confirmation once changed.
    func passwordChange(
        _ place: PasswordPlace,
        errors: [String: String],
        saved: Bool,
        principal: Principal,
        tenant: Tenant,
        csrf: String,
        language: Language,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let frame: [String: Any] =
            place == .workspace
            ? navigation.frame(.password, member: principal, tenant: tenant, language: language).merging(["inWorkspace": true]) { $1 }
            : ["title": PasswordText.heading(language), "heading": PasswordText.heading(language), "backLabel": PasswordText.back(language)]
        return render(
            "access/password",
            frame.merging([
                "action": PortalPath(place.path).href(tenant.slug), "csrf": csrf, "username": principal.passwordLogin?.username ?? "",
                "error": errors["form"] as Any,
                "saved": (saved ? PasswordText.saved(language) : nil) as Any, "submit": PasswordText.submit(language),
                "fields": [Self.passwordField("current_password", PasswordText.current(language), autocomplete: "current-password", errors)]
                    + Self.newPasswordFields(errors, language),
            ]) { $1 },
            language: language,
            status: status
        )
    }

    /// The page of an invitation's link (A1): who it is for, and the new password twice. The
    /// language switch keeps the link's key.
    func invitationForm(
        key: String,
        holder: PasswordHolder,
        username: String,
        name: String,
        errors: [String: String],
        tenant: Tenant,
        csrf: String,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        render(
            "access/password",
            [
                "title": InvitationText.heading(language), "heading": InvitationText.heading(language),
                "intro": InvitationText.welcome(name: name, username: username, holder, language),
                "action": PortalPath.invitation(holder).href(tenant.slug),
                "key": key, "csrf": csrf, "username": username, "error": errors["form"] as Any, "submit": InvitationText.action(language),
                "fields": Self.newPasswordFields(errors, language),
            ],
            language: language,
            status: status,
            keeping: "k=\(key)&"
        )
    }

    /// A new password and its repetition, as `field.mustache` shows them.
    private static func newPasswordFields(_ errors: [String: String], _ language: Language) -> [[String: Any]] {
        [
            passwordField("new_password", PasswordText.new(language), autocomplete: "new-password", errors),
            passwordField("repeat_password", PasswordText.repeated(language), autocomplete: "new-password", errors),
        ]
    }

    /// A password field: never filled in again, its refusal under it.
    private static func passwordField(_ name: String, _ label: String, autocomplete: String, _ errors: [String: String]) -> [String: Any] {
        [
            "id": name.replacingOccurrences(of: "_", with: "-"), "name": name, "label": label, "multiline": false, "type": "password",
            "autocomplete": autocomplete, "limit": 72, "value": "", "fieldError": errors[name] as Any,
        ]
    }
}
