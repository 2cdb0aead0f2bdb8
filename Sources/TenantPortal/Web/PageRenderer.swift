import Foundation
import Hummingbird
import Mustache
import PGStore

/// Renders the HTML pages from the Mustache templates compiled into the binary. Mustache escapes
/// every `{{value}}`, so text from tenants and users is shown, never run.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// What the file fields' hints promise.
    private let limits: AttachmentLimits
    /// The staff workspace's navigation, from the registered features.
    let navigation: StaffNavigation

    init(library: MustacheLibrary, limits: AttachmentLimits, navigation: StaffNavigation) {
        self.library = library
        self.limits = limits
        self.navigation = navigation
    }

    /// The values of `file-picker.mustache`: the field's id, label and the limits as a hint.
    func filePicker(id: String, error: String? = nil, _ language: Language) -> [String: Any] {
        [
            "fileId": id, "attachLabel": NewRequestText.files(language), "filesError": error as Any,
            "attachHint": NewRequestText.filesHint(maxBytes: limits.maxBytes, maxFiles: limits.maxFiles, language),
        ]
    }

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
        return render("landing", values, language: language, status: status)
    }

    func notice(_ notice: Catalog.Notice, language: Language, status: HTTPResponse.Status) -> Response {
        render("notice", ["title": notice.title(language), "message": notice.message(language)], language: language, status: status)
    }

    /// The rating page (B9): the form, or the rating already given, with any error above it.
    func rating(
        code: String,
        key: String,
        title: String,
        rating: Rating?,
        error: String?,
        form: (handling: Int?, attitude: Int?, comment: String),
        csrf: String,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        func question(_ name: String, _ label: String, _ chosen: Int?) -> [String: Any] {
            ["label": label, "choices": (1...5).map { (value: Int) -> [String: Any] in ["name": name, "value": value, "checked": value == chosen] }]
        }
        return render(
            "rate",
            [
                "title": RatingText.heading(language), "heading": RatingText.heading(language), "code": code, "ticketTitle": title,
                "message": rating.map { RatingText.thanks(handling: $0.handling, attitude: $0.attitude, language) } as Any,
                "error": error as Any, "showForm": rating == nil, "formAction": "?k=\(key)&lang=\(language.rawValue)",
                "questions": [
                    question("handling", RatingText.handling(language), form.handling),
                    question("attitude", RatingText.attitude(language), form.attitude),
                ],
                "commentLabel": RatingText.comment(language), "comment": form.comment, "submit": RatingText.submit(language), "csrf": csrf,
            ],
            language: language,
            status: status,
            keeping: "k=\(key)&"
        )
    }

    /// The public tracking page (B6): the form, what was entered, and the ticket's place in its
    /// workflow when found.
    func tracking(
        code: String,
        phone: String,
        result: RequestDesk.Tracking?,
        error: String?,
        fieldErrors: [String: String],
        tenant: Tenant,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        var values: [String: Any] = [
            "title": TrackingText.heading(language), "heading": TrackingText.heading(language), "intro": TrackingText.intro(language),
            "codeLabel": TrackingText.code(language), "phoneLabel": TrackingText.phone(language), "submit": TrackingText.submit(language),
            "code": code, "phone": phone, "error": error as Any, "codeError": fieldErrors["code"] as Any, "phoneError": fieldErrors["phone"] as Any,
        ]
        if let result {
            let index = result.stages.firstIndex { $0.key == result.stage.key } ?? 0
            values["result"] =
                [
                    "code": result.code, "currentLabel": TrackingText.current(language), "stageName": result.stage.name(in: language),
                    "stages": result.stages.enumerated().map { ["name": $1.name(in: language), "current": $0 == index, "done": $0 < index] },
                    "updatedLabel": TrackingText.updated(language),
                    "updatedAt": DateText.dateTime(result.updatedAt, timeZone: tenant.timeZone, language),
                ] as [String: Any]
        }
        let query = "code=\(code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&phone=\(phone.filter(\.isNumber))&"
        return render("track", values, language: language, status: status, keeping: code.isEmpty ? "" : query)
    }

    /// "My requests" (B7): the filter form as entered, one page of tickets and the next page's link.
    func requests(
        tickets: [Ticket],
        workflows: [Workflow],
        filter: [String: String],
        next: String?,
        error: String?,
        principal: Principal,
        tenant: Tenant,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        let shown = workflows.flatMap { $0.stages.filter(\.customerVisible) }
        let stages = Dictionary(shown.map { ($0.key, $0.name(in: language)) }, uniquingKeysWith: { first, _ in first })
        var values: [String: Any] = [
            "title": RequestPageText.myRequests(language), "heading": RequestPageText.myRequests(language),
            "codeLabel": RequestPageText.code(language), "contactLabel": RequestPageText.contact(language),
            "fromLabel": RequestPageText.from(language),
            "toLabel": RequestPageText.to(language), "statusLabel": RequestPageText.status(language),
            "anyStatus": RequestPageText.anyStatus(language),
            "filterLabel": RequestPageText.filter(language), "titleLabel": RequestPageText.title(language),
            "updatedLabel": RequestPageText.updated(language),
            "none": RequestPageText.none(language), "nextLabel": RequestPageText.next(language), "error": error as Any,
            "newLabel": NewRequestText.newRequestLink(language),
            "statuses": stages.sorted { $0.key < $1.key }.map { ["key": $0.key, "name": $0.value, "selected": filter["status"] == $0.key] },
            "hasTickets": !tickets.isEmpty, "nextHref": next as Any,
            "tickets": tickets.map { ticket in
                let workflow = workflows.first { $0.ticketType == ticket.ticketType }
                return [
                    "code": ticket.code, "title": ticket.title,
                    "stage": workflow.map { StageView(ticket.stage, in: $0, for: principal, language).name } ?? ticket.stage,
                    "updated": DateText.dateTime(ticket.updatedAt, timeZone: tenant.timeZone, language),
                ]
            },
        ]
        values.merge(filter) { current, _ in current }
        return render("requests", values, language: language, status: status)
    }

    /// One request (B6, B17): where it stands, who handles it, the public conversation, its files,
    /// and the reply form while it is open (with the reply kept and its refusal when one came).
    func request(
        _ detail: RequestDesk.Detail,
        principal: Principal,
        tenant: Tenant,
        csrf: String,
        reply: String,
        replyError: String?,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        let view = TicketView(detail, for: principal, language)
        let visible = detail.workflow.stages.filter { $0.customerVisible && (!$0.terminal || $0.key == view.stage.key) }
        let index = visible.firstIndex { $0.key == view.stage.key } ?? 0
        let entries = view.timeline.filter { ["created", "transition", "note", "message", "attachment", "assignment"].contains($0.kind) }.map {
            entry in
            [
                "actor": entry.actor, "at": DateText.dateTime(entry.at, timeZone: tenant.timeZone, language),
                "text": entry.kind == "transition" ? RequestPageText.moved(to: entry.to?.name ?? "", language) : entry.text,
            ]
        }
        let values: [String: Any] = [
            "title": "\(view.code) · \(view.title)", "code": view.code, "ticketTitle": view.title, "backLabel": RequestPageText.myRequests(language),
            "eventsURL": PortalPath.ticketEvents(view.code).href(tenant.slug),
            "stages": visible.enumerated().map { ["key": $1.key, "name": $1.name(in: language), "current": $0 == index, "done": $0 < index] },
            "movedPrefix": RequestPageText.moved(to: "", language),
            "assigneeLabel": RequestPageText.assignee(language), "assignee": view.assignee ?? RequestPageText.unassigned(language),
            "conversationLabel": RequestPageText.conversation(language), "entries": entries,
            "hasFiles": !view.attachments.isEmpty, "filesLabel": RequestPageText.files(language),
            "files": view.attachments.map { ["name": $0.fileName, "url": PortalPath.attachment($0.id, of: view.code).href(tenant.slug)] },
            "open": !view.stage.terminal, "csrf": csrf, "replyLabel": RequestPageText.reply(language), "reply": reply,
            "replyError": replyError as Any, "sendLabel": RequestPageText.send(language), "closedLabel": RequestPageText.closed(language),
        ]
        return render("request", values.merging(filePicker(id: "reply-files", language)) { $1 }, language: language, status: status)
    }

    /// The new request form (B4, B5): what was entered kept, each refusal next to its field, the
    /// organisation's earlier contacts to pick from.
    func newRequest(
        entered: [String: String],
        errors: [String: String],
        contacts: [Contact],
        csrf: String,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        typealias Field = (name: String, label: String, limit: Int, multiline: Bool, type: String?, list: String?, autocomplete: String?)
        let fields: [Field] = [
            ("title", NewRequestText.title(language), 200, false, nil, nil, nil),
            ("content", NewRequestText.content(language), 20_000, true, nil, nil, nil),
            ("contact_name", NewRequestText.contactName(language), 200, false, nil, "known-contacts", "name"),
            ("contact_email", NewRequestText.contactEmail(language), 200, false, "email", nil, "email"),
            ("contact_phone", NewRequestText.contactPhone(language), 20, false, "tel", nil, "tel"),
        ]
        let values: [String: Any] = [
            "title": NewRequestText.heading(language), "heading": NewRequestText.heading(language), "backLabel": RequestPageText.myRequests(language),
            "csrf": csrf, "idempotency": entered["idempotency"] ?? Secrets.newToken(), "submit": NewRequestText.submit(language),
            "error": errors["form"] as Any,
            "fields": fields.map { field in
                [
                    "id": field.name.replacingOccurrences(of: "_", with: "-"), "name": field.name, "label": field.label, "limit": field.limit,
                    "multiline": field.multiline, "type": field.type as Any, "list": field.list as Any, "autocomplete": field.autocomplete as Any,
                    "value": entered[field.name] ?? "", "fieldError": errors[field.name] as Any, "rows": 6,
                ] as [String: Any]
            },
            "contacts": contacts.map { ["name": $0.name, "email": $0.email, "phone": $0.phone] },
        ]
        return render(
            "new-request",
            values.merging(filePicker(id: "files", error: errors["file"], language)) { $1 },
            language: language,
            status: status
        )
    }

    /// The staff sign-in page, with any refusal and the username kept.
    func staffLogin(csrf: String, error: String?, username: String, language: Language, status: HTTPResponse.Status) -> Response {
        render(
            "staff-login",
            [
                "title": StaffText.loginHeading(language), "heading": StaffText.loginHeading(language), "csrf": csrf, "error": error as Any,
                "username": username, "usernameLabel": PortalText.usernameLabel(language), "passwordLabel": PortalText.passwordLabel(language),
                "submit": PortalText.submit(language),
            ],
            language: language,
            status: status
        )
    }

    /// The staff workspace's queues with their counts and the chosen queue's tickets.
    func staffQueues(
        _ queue: TicketStore.Queue,
        counts: [TicketStore.Queue: Int],
        tickets: [Ticket],
        workflows: [Workflow],
        principal: Principal,
        tenant: Tenant,
        csrf: String,
        language: Language
    ) -> Response {
        render(
            "staff-queues",
            navigation.frame(.queues, tenant: tenant, language: language, isAdmin: principal.isStaffAdmin).merging([
                "csrf": csrf, "signOut": PortalText.signOut(language),
                "queues": TicketStore.Queue.allCases.map {
                    ["key": $0.rawValue, "name": StaffText.queue($0.rawValue, language), "count": counts[$0] ?? 0, "current": $0 == queue]
                },
                "hasTickets": !tickets.isEmpty, "empty": StaffText.empty(language), "codeLabel": RequestPageText.code(language),
                "titleLabel": RequestPageText.title(language), "statusLabel": RequestPageText.status(language),
                "assigneeLabel": RequestPageText.assignee(language), "dueLabel": StaffText.due(language),
                "tickets": tickets.map { ticket in
                    let workflow = workflows.first { $0.ticketType == ticket.ticketType }
                    return [
                        "code": ticket.code, "title": ticket.title,
                        "stage": workflow.map { StageView(ticket.stage, in: $0, for: principal, language).name } ?? ticket.stage,
                        "assignee": ticket.assignee?.displayName ?? RequestPageText.unassigned(language),
                        "due": (ticket.firstResponseDue ?? ticket.resolutionDue).map { DateText.dateTime($0, timeZone: tenant.timeZone, language) }
                            ?? "",
                    ]
                },
            ]) { $1 },
            language: language,
            status: .ok
        )
    }

    /// The staff ticket page: everything about the ticket, the whole timeline (internal entries
    /// marked), and the forms to move, assign and note, each carrying the version seen.
    func staffTicket(
        _ detail: RequestDesk.Detail,
        staff: [StaffMember],
        replies: [CannedReply],
        principal: Principal,
        tenant: Tenant,
        csrf: String,
        error: String?,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        let view = TicketView(detail, for: principal, language)
        let ticket = detail.ticket
        let moves = detail.workflow.transitions.filter { $0.from == ticket.stage }.compactMap { detail.workflow.stage($0.to) }
        let values: [String: Any] = [
            "title": "\(view.code) · \(view.title)", "code": view.code, "ticketTitle": view.title, "content": view.content, "csrf": csrf,
            "base": PortalPath.staffHome.href(tenant.slug),
            "version": view.version, "error": error as Any, "backLabel": StaffTicketText.back(language),
            "statusLabel": RequestPageText.status(language), "stage": view.stage.name, "priorityLabel": StaffTicketText.priority(language),
            "priority": StaffText.priorityName(view.priority, language), "assigneeLabel": RequestPageText.assignee(language),
            "assignee": view.assignee ?? RequestPageText.unassigned(language), "contactLabel": RequestPageText.contact(language),
            "contact": "\(view.contact.name) · \(view.contact.email) · \(view.contact.phone)", "dueLabel": StaffText.due(language),
            "due": (ticket.firstResponseDue ?? ticket.resolutionDue).map { DateText.dateTime($0, timeZone: tenant.timeZone, language) } as Any,
            "hasMoves": !moves.isEmpty, "moves": moves.map { ["key": $0.key, "name": $0.name(in: language)] },
            "moveLabel": StaffTicketText.move(language), "moveButton": StaffTicketText.moveButton(language),
            "noteLabel": StaffTicketText.note(language),
            "assignLabel": StaffTicketText.assign(language), "nobody": StaffTicketText.nobody(language),
            "assignButton": StaffTicketText.assignButton(language),
            "staff": staff.map { ["username": $0.username, "name": $0.displayName, "current": $0.id == ticket.assignee?.id] },
            "hasReplies": !replies.isEmpty, "replies": replies.map { ["title": $0.title, "body": $0.body] },
            "cannedLabel": StaffTicketText.canned(language), "noteTextLabel": StaffTicketText.noteText(language),
            "publicLabel": StaffTicketText.publicNote(language), "noteButton": StaffTicketText.noteButton(language),
            "timelineLabel": StaffTicketText.timeline(language),
            "entries": view.timeline.map { entry in
                [
                    "actor": entry.actor, "at": DateText.dateTime(entry.at, timeZone: tenant.timeZone, language), "kind": entry.kind,
                    "text": entry.kind == "transition" ? RequestPageText.moved(to: entry.to?.name ?? "", language) : entry.text,
                    "public": entry.isPublic,
                ] as [String: Any]
            },
            "hasFiles": !view.attachments.isEmpty, "filesLabel": RequestPageText.files(language),
            "files": view.attachments.map { ["name": $0.fileName, "url": PortalPath.attachment($0.id, of: view.code).href(tenant.slug)] },
        ]
        return render("staff-ticket", values.merging(filePicker(id: "note-files", language)) { $1 }, language: language, status: status)
    }

    /// `values` without the optionals that are nil, at every depth: Mustache would print a nil
    /// stored as `Any` as the text "nil" instead of treating it as missing.
    static func droppingNils(_ values: [String: Any]) -> [String: Any] {
        func clean(_ value: Any) -> Any? {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return nil }
                return clean(wrapped)
            }
            if let dictionary = value as? [String: Any] { return droppingNils(dictionary) }
            if let array = value as? [Any] { return array.compactMap(clean) }
            return value
        }
        return values.compactMapValues(clean)
    }

    /// `keeping`: query text the language switch must carry over (it reloads the same page).
    func render(_ template: String, _ values: [String: Any], language: Language, status: HTTPResponse.Status, keeping: String = "") -> Response {
        let other = language == .vi ? Language.en : .vi
        var values = Self.droppingNils(values)
        values["lang"] = language.rawValue
        values["otherLang"] = other.rawValue
        values["switchHref"] = "?\(keeping)lang=\(other.rawValue)"
        values["switchLanguage"] = Catalog.switchLanguage(language)
        values["skipLabel"] = Catalog.skipToContent(language)
        let html = library.render(values, withTemplate: template) ?? ""
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}
