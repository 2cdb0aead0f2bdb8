import Foundation
import Hummingbird
import PGStore

/// The customer's request pages: their requests, one request, a new one, public tracking and rating.
extension PageRenderer {
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
            "requests/rate",
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
        return render("requests/track", values, language: language, status: status, keeping: code.isEmpty ? "" : query)
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
        return render("requests/requests", values, language: language, status: status)
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
        return render("requests/request", values.merging(filePicker(id: "reply-files", language)) { $1 }, language: language, status: status)
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
            "requests/new-request",
            values.merging(filePicker(id: "files", error: errors["file"], language)) { $1 },
            language: language,
            status: status
        )
    }
}
