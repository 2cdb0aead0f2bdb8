import Hummingbird
import PGStore

/// The administrators' staff page (A1): every member with their state and actions, the invitation
/// form, and an invitation's link just made, shown this once.
extension PageRenderer {
    func staffMembers(
        _ roster: [StaffRosterEntry],
        viewer: Principal,
        invited: StaffInvitation?,
        entered: [String: String],
        errors: [String: String],
        tenant: Tenant,
        csrf: String,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        func field(_ name: String, _ label: String, limit: Int, type: String? = nil, autocomplete: String? = nil) -> [String: Any] {
            [
                "id": "member-" + name, "name": name, "label": label, "limit": limit, "type": type as Any, "autocomplete": autocomplete as Any,
                "value": entered[name] ?? "", "fieldError": errors[name] as Any,
            ]
        }
        let chosenRole = entered["role"] ?? StaffMember.Role.agent.rawValue
        var response = render(
            "staff/staff-members",
            navigation.frame(.members, member: viewer, tenant: tenant, language: language).merging([
                "csrf": csrf, "error": errors["form"] as Any,
                "invited": invited.map {
                    [
                        "label": StaffMemberText.invited($0.member.username, email: $0.member.email, language), "link": $0.link,
                        "hint": StaffMemberText.linkHint(language),
                    ]
                } as Any,
                "nameLabel": StaffMemberText.name(language), "usernameLabel": StaffMemberText.username(language),
                "roleLabel": StaffMemberText.role(language), "teamLabel": StaffMemberText.team(language),
                "stateLabel": StaffMemberText.state(language), "actionsLabel": StaffMemberText.actions(language),
                "members": roster.map { entry in
                    [
                        "name": entry.member.displayName, "username": entry.member.username, "email": entry.email,
                        "role": StaffMemberText.roleName(entry.member.role, language), "roleKey": entry.member.role.rawValue,
                        "team": entry.member.team, "state": StaffMemberText.state(of: entry, language), "active": entry.active,
                        // No button to lock oneself out: the roster refuses it too.
                        "canDeactivate": entry.active && entry.member.username != viewer.passwordLogin?.username,
                        "canInviteAgain": entry.active && entry.invitation != nil && !entry.email.isEmpty,
                        "confirmDeactivate": StaffMemberText.confirmDeactivate(entry.member.displayName, language),
                        "roles": StaffMember.Role.allCases.map {
                            ["key": $0.rawValue, "label": StaffMemberText.roleName($0, language), "selected": $0 == entry.member.role]
                                as [String: Any]
                        },
                    ] as [String: Any]
                },
                "deactivateLabel": StaffMemberText.deactivate(language), "reactivateLabel": StaffMemberText.reactivate(language),
                "inviteAgainLabel": StaffMemberText.inviteAgain(language), "inviteHeading": StaffMemberText.inviteHeading(language),
                "inviteLabel": StaffMemberText.invite(language), "saveLabel": StaffMemberText.save(language),
                "fields": [
                    field("username", StaffMemberText.username(language), limit: 40, autocomplete: "off"),
                    field("name", StaffMemberText.name(language), limit: 200, autocomplete: "name"),
                    field("email", StaffMemberText.email(language), limit: 254, type: "email", autocomplete: "email"),
                    field("team", StaffMemberText.team(language), limit: 100),
                ],
                "roles": StaffMember.Role.allCases.map {
                    ["key": $0.rawValue, "name": StaffMemberText.roleName($0, language), "selected": $0.rawValue == chosenRole] as [String: Any]
                },
                "roleError": errors["role"] as Any,
            ]) { $1 },
            language: language,
            status: status
        )
        // A page with an invitation link on it must not be kept by the browser or a proxy.
        if invited != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
