import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PGStore
import ServiceLevels

/// `/tickets`: file, list, read, and (staff) move, assign and annotate; customers and staff add
/// messages to the conversation (PRODUCT.md B3-B7, B17). Everything but rating needs a caller.
struct TicketController {
    let desk: RequestDesk
    let feed: TicketFeed
    let signIn: SignInDesk

    struct TransitionRequest: Decodable {
        var to: String?
        var note: String?
        var version: Int?
    }

    struct AssignmentRequest: Decodable {
        var assignee: String?
        var version: Int?
    }

    struct NoteRequest: Decodable {
        var text: String?
        var `public`: Bool?
    }

    struct MessageRequest: Decodable {
        var text: String?
    }

    func addRoutes(to api: RouterGroup<TenantRequestContext>) {
        api.post("tickets/:code/rating", use: rate)
        let tickets = api.group("tickets", context: SignedInRequestContext.self)
        tickets.post(use: file)
        tickets.get(use: list)
        tickets.post("bulk", use: bulk)
        tickets.get("changes", use: changes)
        tickets.get(":code", use: ticket)
        tickets.post(":code/messages", use: addMessage)
        tickets.post(":code/transitions", use: move)
        tickets.post(":code/assignment", use: assign)
        tickets.post(":code/notes", use: addNote)
        tickets.post(":code/attachments", use: attach)
        tickets.get(":code/attachments/:id", use: attachment)
        tickets.get(":code/events", use: events)
    }

    /// JSON, or multipart with the same JSON in a `request` part and files in `file` parts: the
    /// ticket and its files are stored together or not at all.
    @Sendable func file(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<TicketView> {
        let key = request.headers[HTTPField.Name("Idempotency-Key")!]
        if let key, key.isEmpty || key.count > 200 { throw PortalError.invalid(field: "Idempotency-Key", .tooLong(200)) }
        let body: RequestDesk.NewRequest
        var uploads: [(fileName: String?, data: ByteBuffer)] = []
        if let parts = try await MultipartUploads.parts(of: request, limits: desk.limits) {
            guard let json = parts.first(where: { $0.name == "request" }) else { throw PortalError.invalid(field: "request", .required) }
            do {
                body = try APIJSON.decoder.decode(RequestDesk.NewRequest.self, from: Data(json.data.readableBytesView))
            } catch {
                throw PortalError.malformedBody
            }
            uploads = MultipartUploads.files(parts)
        } else {
            body = try await request.decodeBody(RequestDesk.NewRequest.self, context: context)
        }
        let (detail, created) = try await desk.file(
            body,
            attaching: uploads,
            by: context.principal,
            tenant: context.tenant,
            idempotencyKey: key,
            logger: context.logger
        )
        return EditedResponse(status: created ? .created : .ok, response: TicketView(detail, for: context.principal, context.language))
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> TicketPageView {
        let query = try TicketListQuery(request, tenant: context.tenant)
        let limit = try request.uri.queryParameters.get("limit").map(TicketListQuery.limit) ?? 20
        let page = try await desk.list(
            query.filter,
            status: query.status,
            sort: query.sort,
            after: query.cursor,
            limit: limit,
            for: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        return TicketPageView(
            tickets: page.tickets.map(\.ticket).map { ticket in
                let workflow = page.workflows.first { $0.ticketType == ticket.ticketType }
                let stage =
                    workflow.map { StageView(ticket.stage, in: $0, for: context.principal, context.language) }
                    ?? StageView(.init(ticket.stage, vi: ticket.stage, en: ticket.stage), context.language)
                return .init(
                    code: ticket.code,
                    type: ticket.ticketType,
                    title: ticket.title,
                    priority: ticket.priority,
                    stage: stage,
                    assignee: ticket.assignee?.displayName,
                    contactName: ticket.contact.name,
                    createdAt: ticket.createdAt,
                    updatedAt: ticket.updatedAt
                )
            },
            nextCursor: page.next.map(TicketListQuery.encode)
        )
    }

    @Sendable func ticket(_ request: Request, context: SignedInRequestContext) async throws -> TicketView {
        let detail = try await desk.ticket(code: Self.code(context), for: context.principal, tenant: context.tenant, logger: context.logger)
        return TicketView(detail, for: context.principal, context.language)
    }

    @Sendable func addMessage(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<TicketView> {
        try await change(request, context, MessageRequest.self, staffOnly: false, status: .created) { body, code in
            try await desk.addMessage(code: code, text: body.text, by: context.principal, tenant: context.tenant, logger: context.logger)
        }
    }

    @Sendable func move(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<TicketView> {
        try await change(request, context, TransitionRequest.self, staffOnly: true, status: .ok) { body, code in
            guard let to = body.to, !to.isEmpty else { throw PortalError.invalid(field: "to", .required) }
            return try await desk.move(
                code: code,
                to: to,
                note: body.note,
                version: body.version,
                by: context.principal,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    @Sendable func assign(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<TicketView> {
        try await change(request, context, AssignmentRequest.self, staffOnly: true, status: .ok) { body, code in
            try await desk.assign(
                code: code,
                to: body.assignee,
                version: body.version,
                by: context.principal,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    @Sendable func addNote(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<TicketView> {
        try await change(request, context, NoteRequest.self, staffOnly: true, status: .created) { body, code in
            try await desk.addNote(
                code: code,
                text: body.text,
                isPublic: body.public ?? false,
                by: context.principal,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    /// Checks the caller's role before reading the body, runs a change on the ticket named in the
    /// path, and answers with the ticket as it now is.
    private func change<Body: Decodable>(
        _ request: Request,
        _ context: SignedInRequestContext,
        _ body: Body.Type,
        staffOnly: Bool,
        status: HTTPResponse.Status,
        _ apply: (Body, _ code: String) async throws -> RequestDesk.Detail
    ) async throws -> EditedResponse<TicketView> {
        if staffOnly { try RequestDesk.requireStaff(context.principal) }
        let decoded = try await request.decodeBody(Body.self, context: context)
        let detail = try await apply(decoded, Self.code(context))
        return EditedResponse(status: status, response: TicketView(detail, for: context.principal, context.language))
    }

    /// The ticket code in the path.
    static func code(_ context: some RequestContext) -> String {
        context.parameters.get("code") ?? ""
    }
}
