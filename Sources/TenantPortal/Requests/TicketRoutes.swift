import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PGStore
import ServiceLevels

/// `/tickets`: file, list, read, and (staff) move, assign and annotate; customers and staff add
/// messages to the conversation (PRODUCT.md B3-B7, B17).
struct TicketRoutes {
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

    func add(to tickets: RouterGroup<PortalRequestContext>) {
        addAttachments(to: tickets)
        addRating(to: tickets)
        addLiveStatus(to: tickets)
        tickets.post { request, context in
            let principal = try context.requirePrincipal()
            let key = request.headers[HTTPField.Name("Idempotency-Key")!]
            if let key, key.isEmpty || key.count > 200 { throw PortalError.invalid(field: "Idempotency-Key", .tooLong(200)) }
            // JSON, or multipart with the same JSON in a `request` part and files in `file` parts:
            // the ticket and its files are stored together or not at all.
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
                by: principal,
                tenant: try context.requireTenant(),
                idempotencyKey: key,
                logger: context.logger
            )
            return EditedResponse(status: created ? .created : .ok, response: TicketView(detail, for: principal, context.language))
        }
        tickets.get { request, context in
            let principal = try context.requirePrincipal()
            let tenant = try context.requireTenant()
            let query = request.uri.queryParameters
            let (filter, status, cursor) = try Self.filter(request, tenant: tenant)
            let limit = try query.get("limit").map(Self.limit) ?? 20
            let page = try await desk.list(
                filter,
                status: status,
                after: cursor,
                limit: limit,
                for: principal,
                tenant: tenant,
                logger: context.logger
            )
            return TicketPageView(
                tickets: page.tickets.map { ticket in
                    let workflow = page.workflows.first { $0.ticketType == ticket.ticketType }
                    let stage =
                        workflow.map { StageView(ticket.stage, in: $0, for: principal, context.language) }
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
                nextCursor: page.next.map(Self.encode)
            )
        }
        tickets.get(":code") { _, context in
            let principal = try context.requirePrincipal()
            let detail = try await desk.ticket(
                code: context.parameters.get("code") ?? "",
                for: principal,
                tenant: try context.requireTenant(),
                logger: context.logger
            )
            return TicketView(detail, for: principal, context.language)
        }
        tickets.post(":code/messages") { request, context in
            try await change(request, context, MessageRequest.self, staffOnly: false, status: .created) { body, principal, tenant, code in
                try await desk.addMessage(code: code, text: body.text, by: principal, tenant: tenant, logger: context.logger)
            }
        }
        tickets.post(":code/transitions") { request, context in
            try await change(request, context, TransitionRequest.self, staffOnly: true, status: .ok) { body, principal, tenant, code in
                guard let to = body.to, !to.isEmpty else { throw PortalError.invalid(field: "to", .required) }
                return try await desk.move(
                    code: code,
                    to: to,
                    note: body.note,
                    version: body.version,
                    by: principal,
                    tenant: tenant,
                    logger: context.logger
                )
            }
        }
        tickets.post(":code/assignment") { request, context in
            try await change(request, context, AssignmentRequest.self, staffOnly: true, status: .ok) { body, principal, tenant, code in
                try await desk.assign(code: code, to: body.assignee, version: body.version, by: principal, tenant: tenant, logger: context.logger)
            }
        }
        tickets.post(":code/notes") { request, context in
            try await change(request, context, NoteRequest.self, staffOnly: true, status: .created) { body, principal, tenant, code in
                try await desk.addNote(
                    code: code,
                    text: body.text,
                    isPublic: body.public ?? false,
                    by: principal,
                    tenant: tenant,
                    logger: context.logger
                )
            }
        }
    }

    /// Checks who is asking before reading the body, runs a change on the ticket named in the path,
    /// and answers with the ticket as it now is.
    private func change<Body: Decodable>(
        _ request: Request,
        _ context: PortalRequestContext,
        _ body: Body.Type,
        staffOnly: Bool,
        status: HTTPResponse.Status,
        _ apply: (Body, Principal, Tenant, String) async throws -> RequestDesk.Detail
    ) async throws -> EditedResponse<TicketView> {
        let principal = try context.requirePrincipal()
        if staffOnly { try RequestDesk.requireStaff(principal) }
        let decoded = try await request.decodeBody(Body.self, context: context)
        let detail = try await apply(decoded, principal, try context.requireTenant(), context.parameters.get("code") ?? "")
        return EditedResponse(status: status, response: TicketView(detail, for: principal, context.language))
    }

    /// The list filter, asked stage and cursor of `?code=&contact=&from=&to=&status=&cursor=` (B7);
    /// dates are whole days in the tenant's zone, `to` included.
    static func filter(_ request: Request, tenant: Tenant) throws -> (filter: TicketFilter, status: String?, cursor: TicketCursor?) {
        let query = request.uri.queryParameters
        let filter = TicketFilter(
            code: try TextInput.optional(query.get("code"), field: "code", limit: 40)?.uppercased(),
            contact: try TextInput.optional(query.get("contact"), field: "contact", limit: 200),
            from: try query.get("from").flatMap { $0.isEmpty ? nil : $0 }.map { try Self.day($0, field: "from", tenant: tenant) },
            to: try query.get("to").flatMap { $0.isEmpty ? nil : $0 }.map { try Self.day($0, field: "to", tenant: tenant).addingTimeInterval(86_400) }
        )
        let status = try TextInput.optional(query.get("status"), field: "status", limit: 40)
        return (filter, status, try query.get("cursor").map(Self.cursor))
    }

    static func limit(_ text: String) throws(PortalError) -> Int {
        guard let limit = Int(text), (1...100).contains(limit) else { throw .invalid(field: "limit", .outOfRange(1, 100)) }
        return limit
    }

    /// Midnight starting `text` (YYYY-MM-DD, years 1900-2999) in the tenant's time zone. A month or
    /// day the calendar does not have is refused (`LocalDate`): `Calendar` would roll it over
    /// (2024-13-01 into 2025-01-01) rather than fail.
    static func day(_ text: String, field: String, tenant: Tenant) throws(PortalError) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: tenant.timeZone) ?? .gmt
        guard let day = LocalDate(text), (1900...2999).contains(day.year),
            let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        else { throw .invalid(field: field, .invalidDate(text)) }
        return date
    }

    /// Cursors are opaque to clients: base64url of "<microseconds since 1970>:<id>".
    static func encode(_ cursor: TicketCursor) -> String {
        let text = "\(Int64((cursor.createdAt.timeIntervalSince1970 * 1_000_000).rounded())):\(cursor.id)"
        return Data(text.utf8).base64URLEncoded
    }

    static func cursor(_ text: String) throws(PortalError) -> TicketCursor {
        guard let data = Data(base64URLEncoded: text), let decoded = String(data: data, encoding: .utf8) else {
            throw .invalid(field: "cursor", .invalidCursor)
        }
        let parts = decoded.split(separator: ":")
        // Bounded to years 1970-2999: the position of a real ticket, and a time PostgreSQL can take.
        guard parts.count == 2, let micros = Int64(parts[0]), (0...32_503_680_000_000_000).contains(micros), let id = Int(parts[1])
        else { throw .invalid(field: "cursor", .invalidCursor) }
        return TicketCursor(createdAt: Date(timeIntervalSince1970: Double(micros) / 1_000_000), id: id)
    }
}
