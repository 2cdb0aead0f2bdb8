import Foundation
import Hummingbird
import PGStore

/// The staff workspace's front page under `/t/{slug}/staff/` (issue 5): the queues (mine, my
/// team, unassigned, breaching soon) with counts.
struct StaffQueuePages {
    let desk: RequestDesk
    let pages: PageRenderer

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get(use: queues)
    }

    @Sendable func queues(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let queue = request.uri.queryParameters.get("queue").flatMap(TicketStore.Queue.init(rawValue:)) ?? .mine
        let (counts, tickets, workflows) = try await desk.queues(queue, for: context.member, tenant: context.tenant, logger: context.logger)
        return try await FormProtection.withToken(for: request) { csrf in
            pages.staffQueues(
                queue,
                counts: counts,
                tickets: tickets,
                workflows: workflows,
                principal: context.member,
                tenant: context.tenant,
                csrf: csrf,
                language: context.language
            )
        }
    }
}

/// The staff ticket page: moving, assigning and noting (with files), each a plain form; moving and
/// assigning carry the version the member saw (a change made meanwhile is refused, nothing lost).
/// Each comes back to the page.
struct StaffTicketPages {
    let desk: RequestDesk
    let pages: PageRenderer

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get("tickets/:code", use: ticket)
        staff.post("tickets/:code/move", use: move)
        staff.post("tickets/:code/assign", use: assign)
        staff.post("tickets/:code/note", use: addNote)
    }

    @Sendable func ticket(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await page(request, context, error: nil, status: .ok)
    }

    @Sendable func move(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await change(request, context) { form in
            try await desk.move(
                code: TicketController.code(context),
                to: form["to"] ?? "",
                note: form["note"],
                version: form["version"].flatMap { Int($0) },
                by: context.member,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    @Sendable func assign(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await change(request, context) { form in
            try await desk.assign(
                code: TicketController.code(context),
                to: form["assignee"].flatMap { $0.isEmpty ? nil : $0 },
                version: form["version"].flatMap { Int($0) },
                by: context.member,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    @Sendable func addNote(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await change(request, context) { form in
            try await desk.addNote(
                code: TicketController.code(context),
                text: form["text"],
                isPublic: form["public"] == "true",
                attaching: form.uploads,
                by: context.member,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    /// Reads the posted form, makes the change, and comes back to the page: with the refusal
    /// next to the form when the change was refused.
    private func change(
        _ request: Request,
        _ context: StaffRequestContext,
        _ apply: (PostedForm) async throws -> RequestDesk.Detail
    ) async throws -> Response {
        let form = try await PostedForm.read(request, limits: desk.limits)
        do {
            if let refusal = form.refusal { throw refusal }
            guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "csrf", .formExpired) }
            let detail = try await apply(form)
            return .seeOther(.staffTicket(detail.ticket.code), of: context.tenant)
        } catch let refusal as PortalError where refusal.reason != .ticketNotFound {
            return try await page(request, context, error: Catalog.message(refusal.reason, context.language), status: refusal.status)
        }
    }

    /// Where the page stands in the list it was opened from: that list's query (the table's own
    /// address, kept on the links), the tickets before and after it there, and the timeline's filter
    /// (`?timeline=public|internal`).
    struct Around {
        enum Timeline: String {
            case `public`, `internal`
        }

        var parameters: [(name: String, value: String)]
        var view: String
        var previous: String?
        var next: String?
        var timeline: Timeline?
    }

    private func page(_ request: Request, _ context: StaffRequestContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let code = TicketController.code(context)
        // Not found answers the notice page (PageRefusalMiddleware).
        let detail = try await desk.ticket(code: code, for: context.member, tenant: context.tenant, logger: context.logger)
        let (staff, replies) = try await desk.staffChoices(for: context.member, tenant: context.tenant, logger: context.logger)
        let parameters = FormFields(request.uri.query ?? "").pairs
        let listed = parameters.filter { $0.name != "timeline" && $0.name != "lang" && $0.name != "cursor" }
        var around = Around(
            parameters: parameters,
            view: listed.isEmpty ? "" : TicketTable.link(from: listed, [:]),
            timeline: parameters.last { $0.name == "timeline" }.flatMap { Around.Timeline(rawValue: $0.value) }
        )
        // A list the address cannot make (a bad filter) has no neighbours; the ticket still shows.
        if let asked = try? TicketListQuery(request, tenant: context.tenant) {
            (around.previous, around.next) = try await desk.neighbours(
                of: code,
                asked.filter,
                status: asked.status,
                sort: asked.sort,
                for: context.member,
                tenant: context.tenant,
                logger: context.logger
            )
        }
        let shown = around
        return try await FormProtection.withToken(for: request) { csrf in
            pages.staffTicket(
                detail,
                staff: staff,
                replies: replies,
                around: shown,
                principal: context.member,
                tenant: context.tenant,
                csrf: csrf,
                error: error,
                language: context.language,
                status: status
            )
        }
    }
}
