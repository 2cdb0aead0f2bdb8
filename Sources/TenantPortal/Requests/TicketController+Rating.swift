import Hummingbird
import PGStore

/// `POST /tickets/{code}/rating`: the customer rates a finished ticket with the key from the
/// completion mail's link (PRODUCT.md B9). The key is the authority; no sign-in is needed.
extension TicketController {
    struct RatingRequest: Decodable {
        var key: String?
        var handling: Int?
        var attitude: Int?
        var comment: String?
    }

    struct RatingView: ResponseEncodable {
        var handling: Int
        var attitude: Int
        var comment: String
    }

    @Sendable func rate(_ request: Request, context: TenantRequestContext) async throws -> EditedResponse<RatingView> {
        let body = try await request.decodeBody(RatingRequest.self, context: context)
        let rating = try await desk.rate(
            code: Self.code(context).uppercased(),
            key: body.key,
            handling: body.handling,
            attitude: body.attitude,
            comment: body.comment,
            tenant: context.tenant,
            logger: context.logger
        )
        return EditedResponse(status: .created, response: RatingView(handling: rating.handling, attitude: rating.attitude, comment: rating.comment))
    }
}
