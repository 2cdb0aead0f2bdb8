import Hummingbird
import PGStore

/// `POST /tickets/{code}/rating`: the customer rates a finished ticket with the key from the
/// completion mail's link (PRODUCT.md B9). The key is the authority; no sign-in is needed.
extension TicketRoutes {
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

    func addRating(to tickets: RouterGroup<PortalRequestContext>) {
        tickets.post(":code/rating") { request, context in
            let body = try await request.decodeBody(RatingRequest.self, context: context)
            let rating = try await desk.rate(
                code: (context.parameters.get("code") ?? "").uppercased(),
                key: body.key,
                handling: body.handling,
                attitude: body.attitude,
                comment: body.comment,
                tenant: try context.requireTenant(),
                logger: context.logger
            )
            return EditedResponse(
                status: .created,
                response: RatingView(handling: rating.handling, attitude: rating.attitude, comment: rating.comment)
            )
        }
    }
}
