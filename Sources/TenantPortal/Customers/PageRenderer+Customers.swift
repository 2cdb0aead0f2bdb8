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

    /// One customer organisation's whole picture (issue 18): its details, administrators, contacts
    /// and latest tickets, with a link to all of them in the ticket table, then what each module
    /// of the tenant adds (`CustomerSections`).
    func customerPicture(_ picture: CustomerPicture, sections: [CustomerSection], member: Principal, tenant: Tenant, language: Language) -> Response {
        let account = picture.account
        let people = { (list: [(String, String, String)]) in list.map { ["name": $0.0, "email": $0.1, "phone": $0.2] } }
        let page: [String: Any] = [
            "title": "\(account.code) · \(account.name)", "customerCode": account.code, "customerName": account.name,
            "codeLabel": CustomerText.code(language), "warrantyLabel": CustomerText.warranty(language),
            "warranty": account.warrantyUntil.map { DateText.day($0, language) } ?? CustomerText.none(language),
            "managerLabel": CustomerText.manager(language), "manager": account.accountManager ?? CustomerText.none(language),
            "tokenLabel": CustomerText.tokenState(language),
            "tokenState": account.tokenIssuedAt == nil ? CustomerText.none(language) : CustomerText.hasToken(language),
            "adminsLabel": CustomerText.admins(language), "hasAdmins": !picture.admins.isEmpty,
            "admins": people(picture.admins.map { ($0.name, $0.email, $0.phone) }),
            "contactsLabel": CustomerText.contacts(language), "hasContacts": !picture.contacts.isEmpty,
            "contacts": people(picture.contacts.map { ($0.name, $0.email, $0.phone) }), "none": CustomerText.none(language),
            "ticketsLabel": CustomerText.latestTickets(language), "hasTickets": !picture.tickets.isEmpty,
            "noTickets": CustomerText.noTickets(language), "allTickets": CustomerText.allTickets(language),
            "codeColumn": RequestPageText.code(language), "titleColumn": RequestPageText.title(language),
            "stageColumn": TicketTableText.stage(language), "assigneeColumn": RequestPageText.assignee(language),
            "updatedColumn": TicketTableText.updated(language),
            "sections": sections.map { ["heading": $0.heading, "lines": $0.lines] },
            "tickets": picture.tickets.map { entry in
                let ticket = entry.ticket
                let stage = picture.workflows.first { $0.ticketType == ticket.ticketType }?.stage(ticket.stage)
                return [
                    "code": ticket.code, "title": ticket.title, "stage": stage?.name(in: language) ?? ticket.stage,
                    "assignee": ticket.assignee?.displayName ?? TicketTableText.nobody(language),
                    "updated": DateText.dateTime(ticket.updatedAt, timeZone: tenant.timeZone, language),
                ]
            },
        ]
        let values = navigation.frame(.tickets, member: member, tenant: tenant, language: language).merging(page) { $1 }
        return render("customers/staff-customer", values, language: language, status: .ok)
    }
}
