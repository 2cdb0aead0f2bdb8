import Foundation
import Hummingbird
import PGStore

/// The staff workspace's queues and ticket page.
extension PageRenderer {
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
            "requests/staff-queues",
            navigation.frame(.queues, member: principal, tenant: tenant, language: language).merging([
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
        around: StaffTicketPages.Around,
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
        let shown = view.timeline.filter { entry in around.timeline.map { entry.isPublic == ($0 == .public) } ?? true }
        let images = view.attachments.filter { $0.contentType.hasPrefix("image/") }
        func fileLink(_ file: AttachmentView) -> [String: Any] {
            ["name": file.fileName, "url": PortalPath.attachment(file.id, of: view.code).href(tenant.slug)]
        }
        let page: [String: Any] = [
            "title": "\(view.code) · \(view.title)", "code": view.code, "ticketTitle": view.title, "content": view.content, "csrf": csrf,
            "view": around.view, "previous": around.previous as Any, "next": around.next as Any,
            "previousLabel": StaffTicketText.previous(language), "nextLabel": StaffTicketText.next(language),
            "viewNavLabel": StaffTicketText.viewNavigation(language), "conversationLabel": StaffTicketText.conversation(language),
            "propertiesLabel": StaffTicketText.properties(language), "imagesLabel": StaffTicketText.images(language),
            "hasImages": !images.isEmpty, "images": images.map(fileLink),
            "timelineFilterLabel": StaffTicketText.timelineFilter(language),
            "timelineFilters": [
                (nil, StaffTicketText.everything), ("public", StaffTicketText.publicOnly), ("internal", StaffTicketText.internalOnly),
            ]
            .map { key, name in
                [
                    "name": name(language), "current": key == around.timeline?.rawValue,
                    "href": TicketTable.link(from: around.parameters, ["timeline": key]),
                ] as [String: Any]
            },
            "cannedSearchLabel": StaffTicketText.cannedSearch(language),
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
            "hasReplies": !replies.isEmpty,
            "replies": replies.map { ["title": $0.title, "body": $0.body, "words": ([$0.title] + $0.keywords).joined(separator: " ")] },
            "cannedLabel": StaffTicketText.canned(language), "noteTextLabel": StaffTicketText.noteText(language),
            "publicLabel": StaffTicketText.publicNote(language), "noteButton": StaffTicketText.noteButton(language),
            "timelineLabel": StaffTicketText.timeline(language),
            "entries": shown.map { entry in
                [
                    "actor": entry.actor, "at": DateText.dateTime(entry.at, timeZone: tenant.timeZone, language), "kind": entry.kind,
                    "text": entry.kind == "transition" ? RequestPageText.moved(to: entry.to?.name ?? "", language) : entry.text,
                    "public": entry.isPublic,
                ] as [String: Any]
            },
            "hasFiles": !view.attachments.isEmpty, "filesLabel": RequestPageText.files(language),
            "files": view.attachments.map(fileLink),
        ]
        let values = navigation.frame(.tickets, member: principal, tenant: tenant, language: language).merging(page) { $1 }
        return render("requests/staff-ticket", values.merging(filePicker(id: "note-files", language)) { $1 }, language: language, status: status)
    }
}
