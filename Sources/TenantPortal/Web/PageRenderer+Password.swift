import Foundation
import Hummingbird
import PGStore

extension PageRenderer {
    /// The password form, in the staff workspace's frame or on its own for the portal; the fields
    /// always come back empty, with each refusal next to its field and a confirmation once changed.
    func passwordChange(
        _ place: PasswordPlace, errors: [String: String], saved: Bool, principal: Principal, tenant: Tenant, csrf: String, language: Language,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        func field(_ name: String, _ label: String, autocomplete: String) -> [String: Any] {
            [
                "id": name.replacingOccurrences(of: "_", with: "-"), "name": name, "label": label, "multiline": false, "type": "password",
                "autocomplete": autocomplete, "limit": 72, "value": "", "fieldError": errors[name] as Any,
            ]
        }
        let frame: [String: Any] =
            place == .workspace
            ? StaffSection.password.frame(tenant: tenant, language: language, isAdmin: principal.isStaffAdmin).merging(["inWorkspace": true]) { $1 }
            : ["title": PasswordText.heading(language), "heading": PasswordText.heading(language), "backLabel": PasswordText.back(language)]
        return render(
            "password",
            frame.merging([
                "action": "/t/\(tenant.slug)/\(place.path)", "csrf": csrf, "username": principal.passwordAccount?.username ?? "", "error": errors["form"] as Any,
                "saved": (saved ? PasswordText.saved(language) : nil) as Any, "submit": PasswordText.submit(language),
                "fields": [
                    field("current_password", PasswordText.current(language), autocomplete: "current-password"),
                    field("new_password", PasswordText.new(language), autocomplete: "new-password"),
                    field("repeat_password", PasswordText.repeated(language), autocomplete: "new-password"),
                ],
            ]) { $1 },
            language: language, status: status)
    }
}
