import Hummingbird
import PGStore

/// `POST /tickets/bulk`: one action on many tickets (B13), each ticket changed on its own; the
/// answer says per ticket what was done or why not.
extension TicketController {
    struct BulkRequest: Decodable {
        var codes: [String]?
        var action: String?
        var assignee: String?
        var to: String?
        var text: String?
        var `public`: Bool?
    }

    struct BulkResultView: ResponseEncodable {
        struct Outcome: Encodable {
            var code: String
            var ok: Bool
            var error: APIError.Body.Detail?
            /// The ticket's version after the change.
            var version: Int?
        }

        var results: [Outcome]
    }

    static let bulkActions = ["assign", "move", "note"]

    @Sendable func bulk(_ request: Request, context: SignedInRequestContext) async throws -> BulkResultView {
        try RequestDesk.requireStaff(context.principal)
        let body = try await request.decodeBody(BulkRequest.self, context: context)
        let action: RequestDesk.BulkAction
        switch body.action {
        case "assign": action = .assign(body.assignee.flatMap { $0.isEmpty ? nil : $0 })
        case "move":
            guard let to = body.to, !to.isEmpty else { throw PortalError.invalid(field: "to", .required) }
            action = .move(to: to, note: body.text)
        case "note": action = .note(body.text, isPublic: body.public ?? false)
        case let other?: throw PortalError.invalid(field: "action", .notOneOf(other, allowed: Self.bulkActions))
        case nil: throw PortalError.invalid(field: "action", .required)
        }
        let outcomes = try await desk.bulk(body.codes ?? [], action, by: context.principal, tenant: context.tenant, logger: context.logger)
        return BulkResultView(
            results: outcomes.map { code, outcome in
                switch outcome {
                case .success(let detail): .init(code: detail.ticket.code, ok: true, version: detail.ticket.version)
                case .failure(let refusal):
                    .init(
                        code: code,
                        ok: false,
                        error: .init(code: refusal.code, message: refusal.message(context.language), field: refusal.field)
                    )
                }
            }
        )
    }
}
