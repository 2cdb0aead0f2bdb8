import Foundation
import Hummingbird
import PGStore

/// The staff's ticket table at `/t/{slug}/staff/tickets` (B13, issue 18): every ticket with its
/// customer, contact, stage, priority, assignee, team, due time and service-level state, searched,
/// filtered and sorted by the address (`?q=&stage=&assignee=&sort=...`, the API's own
/// `TicketListQuery`), so a view can be bookmarked and shared; the member's default views with
/// their counts; and one action on the ticked rows, each ticket changed on its own.
struct StaffTicketTablePage {
    let desk: RequestDesk
    let pages: PageRenderer

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get("tickets", use: table)
        staff.post("tickets/bulk", use: bulk)
        staff.post("tickets/views", use: saveView)
        staff.post("tickets/views/:id/delete", use: deleteView)
    }

    /// Saves the table as it is (its query, posted with the form) as one of the member's views, and
    /// comes back to it; a refused name shows the table again with the name as typed.
    @Sendable func saveView(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let query = form["query"] ?? ""
        do {
            guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
            try await desk.saveView(name: form["name"], query: query, by: context.member, tenant: context.tenant, logger: context.logger)
            return .seeOther(PortalPath.staff(.tickets).with(query: query), of: context.tenant)
        } catch let refusal as PortalError {
            return try await page(request, context, query: query, outcomes: [], refused: (refusal, form))
        }
    }

    @Sendable func deleteView(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
        let id = context.parameters.get("id").flatMap(Int.init) ?? 0
        try await desk.deleteView(id: id, by: context.member, tenant: context.tenant, logger: context.logger)
        return .seeOther(.staff(.tickets), of: context.tenant)
    }

    @Sendable func table(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await page(request, context, query: request.uri.query ?? "", outcomes: [])
    }

    /// The form posts to `tickets/bulk?<the table's own query>`, so the answer is the same table
    /// with what became of each ticket above it. With `all`, the tickets are every one of the
    /// view, on every page (at most `RequestDesk.bulkLimit`). A refused form comes back as it was
    /// filled in, with the reason.
    @Sendable func bulk(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let query = request.uri.query ?? ""
        do {
            guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
            let action: RequestDesk.BulkAction
            switch form["action"] {
            case "assign": action = .assign(form["assignee"].flatMap { $0.isEmpty ? nil : $0 })
            case "move": action = .move(to: form["to"] ?? "", note: nil)
            case "note": action = .note(form["text"], isPublic: false)
            case let other: throw PortalError.invalid(field: "action", .notOneOf(other ?? "", allowed: TicketController.bulkActions))
            }
            let codes = form["all"] == "1" ? try await everyCode(of: query, context) : form.all("code")
            let outcomes = try await desk.bulk(codes, action, by: context.member, tenant: context.tenant, logger: context.logger)
            return try await page(request, context, query: query, outcomes: outcomes.map { ($0.code, $0.outcome.map { _ in () }) })
        } catch let refusal as PortalError {
            return try await page(request, context, query: query, outcomes: [], refused: (refusal, form))
        }
    }

    /// Every ticket the view `query` lists, on all its pages; refused past the bulk limit.
    private func everyCode(of query: String, _ context: StaffRequestContext) async throws -> [String] {
        let asked = try TicketListQuery(query: query, tenant: context.tenant)
        let found = try await desk.list(
            asked.filter,
            status: asked.status,
            sort: asked.sort,
            after: nil,
            limit: RequestDesk.bulkLimit + 1,
            for: context.member,
            tenant: context.tenant,
            logger: context.logger
        )
        guard found.tickets.count <= RequestDesk.bulkLimit else {
            throw PortalError.invalid(field: "all", .viewTooLargeForBulk(limit: RequestDesk.bulkLimit))
        }
        return found.tickets.map(\.ticket.code)
    }

    /// The table for `query` (the address's own, or the one a form posted), with what a bulk action
    /// did, or the form refused and as it was filled in.
    private func page(
        _ request: Request,
        _ context: StaffRequestContext,
        query: String,
        outcomes: [(code: String, outcome: Result<Void, PortalError>)],
        refused: (PortalError, FormFields)? = nil
    ) async throws -> Response {
        let (counts, staff) = try await desk.tableChoices(for: context.member, tenant: context.tenant, logger: context.logger)
        var table = TicketTable(query: query, staff: staff, counts: counts, outcomes: outcomes)
        table.refused = refused
        table.saved = try await desk.savedViews(for: context.member, tenant: context.tenant, logger: context.logger)
        do {
            let asked = try TicketListQuery(query: query, tenant: context.tenant)
            table.query = asked
            let found = try await desk.list(
                asked.filter,
                status: asked.status,
                sort: asked.sort,
                after: asked.cursor,
                limit: 50,
                for: context.member,
                tenant: context.tenant,
                logger: context.logger
            )
            (table.rows, table.workflows, table.next) = (found.tickets, found.workflows, found.next)
        } catch let refusal as PortalError {
            table.error = refusal
            table.workflows = try await desk.workflows(tenant: context.tenant, logger: context.logger)
        }
        let shown = table
        return try await FormProtection.withToken(for: request) { csrf in
            pages.ticketTable(shown, member: context.member, tenant: context.tenant, csrf: csrf, language: context.language)
        }
    }
}

/// What the ticket table page shows: the query asked (or the refusal of it), a page of rows,
/// the choices of its filters and actions, and what a bulk action did.
struct TicketTable {
    /// The address's own query text, kept in the sort links, the next page and the bulk form.
    var parameters: [(name: String, value: String)]
    var query: TicketListQuery?
    var error: PortalError?
    var rows: [TicketListEntry] = []
    var workflows: [Workflow] = []
    var next: TicketCursor?
    var staff: [StaffMember]
    var counts: [TicketStore.Queue: Int]
    var saved: [RequestDesk.CountedView] = []
    var outcomes: [(code: String, outcome: Result<Void, PortalError>)]
    /// A bulk action or a view the member's form asked for and was refused: why, and the form as
    /// it was filled in, to show again.
    var refused: (PortalError, FormFields)?

    init(query: String, staff: [StaffMember], counts: [TicketStore.Queue: Int], outcomes: [(code: String, outcome: Result<Void, PortalError>)]) {
        parameters = FormFields(query).pairs
        self.staff = staff
        self.counts = counts
        self.outcomes = outcomes
    }

    /// `?` and the table's parameters with `changes` applied (nil removes one); the cursor always
    /// goes, unless given: a new order or filter starts from the first page.
    func link(_ changes: [String: String?]) -> String { Self.link(from: parameters, changes) }

    static func link(from parameters: [(name: String, value: String)], _ changes: [String: String?]) -> String {
        var kept = parameters.filter { $0.name != "cursor" && $0.name != "lang" && !changes.keys.contains($0.name) }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let value { kept.append((name, value)) }
        }
        let encoded = kept.map { "\($0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: queryValue) ?? "")" }
        return "?" + encoded.joined(separator: "&")
    }

    /// What a query value keeps as it is: letters, digits and `-._~,` (`sort=-code`, `sla=overdue,soon`).
    private static let queryValue = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~,"))

    func value(_ name: String) -> String { parameters.last { $0.name == name }?.value ?? "" }
}
