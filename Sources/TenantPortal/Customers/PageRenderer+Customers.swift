import Hummingbird
import PGStore

/// The staff's customers and tokens page (C1, C2): every customer with its token's state, the form
/// for a new customer, and a token just issued, shown this once.
extension PageRenderer {
    func customers(
        _ accounts: [CustomerAccount],
        issued: CustomerTokens.Issued?,
        notice: String?,
        entered: [String: String],
        errors: [String: String],
        member: Principal,
        tenant: Tenant,
        csrf: String,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        let fields: [[String: Any]] = [
            [
                "id": "customer-name", "name": "customer", "label": CustomerText.name(language), "limit": 200, "value": entered["customer"] ?? "",
                "fieldError": errors["customer"] as Any, "autocomplete": "organization",
            ],
            [
                "id": "customer-code", "name": "code", "label": CustomerText.codeField(language), "limit": 32, "value": entered["code"] ?? "",
                "fieldError": errors["code"] as Any,
            ],
            [
                "id": "warranty-until", "name": "warranty_until", "label": CustomerText.warranty(language), "limit": 10, "type": "date",
                "value": entered["warranty_until"] ?? "", "fieldError": errors["warranty_until"] as Any,
            ],
        ]
        var response = render(
            "customers/staff-customers",
            navigation.frame(.customers, member: member, tenant: tenant, language: language).merging([
                "csrf": csrf, "error": errors["form"] as Any, "notice": notice as Any, "fields": fields,
                "issued": issued.map {
                    [
                        "label": CustomerText.issued("\($0.customer) (\($0.code))", language), "token": $0.token,
                        "hint": CustomerText.shownOnce(language),
                    ]
                }
                    as Any,
                "customerLabel": CustomerText.customer(language), "codeLabel": CustomerText.code(language),
                "warrantyLabel": CustomerText.warranty(language),
                "tokenLabel": CustomerText.token(language), "managerLabel": CustomerText.manager(language),
                "actionsLabel": CustomerText.actions(language),
                "hasCustomers": !accounts.isEmpty, "noCustomers": CustomerText.noCustomers(language), "newHeading": CustomerText.newHeading(language),
                "issueLabel": CustomerText.issue(language), "rotateLabel": CustomerText.rotate(language),
                "revokeLabel": CustomerText.revoke(language),
                "customers": accounts.map { account in
                    [
                        "code": account.code, "name": account.name, "warranty": account.warrantyUntil.map { DateText.day($0, language) } ?? "",
                        "hasToken": account.tokenIssuedAt != nil,
                        "token": account.tokenIssuedAt.map {
                            CustomerText.issuedAt(DateText.dateTime($0, timeZone: tenant.timeZone, language), language)
                        }
                            ?? CustomerText.none(language),
                        "manager": account.accountManager ?? "",
                        "confirmRotate": CustomerText.confirmRotate(account.name, language),
                        "confirmRevoke": CustomerText.confirmRevoke(account.name, language),
                    ] as [String: Any]
                },
            ]) { $1 },
            language: language,
            status: status
        )
        // A page with a token on it must not be kept by the browser or a proxy.
        if issued != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
