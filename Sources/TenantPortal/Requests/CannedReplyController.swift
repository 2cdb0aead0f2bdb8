import Foundation
import Hummingbird
import PGStore

/// `/canned-replies`: staff list, add, edit and delete the replies they insert (PRODUCT.md B12).
struct CannedReplyController {
    let replies: CannedReplies

    struct ReplyView: Encodable, ResponseEncodable {
        var id: Int
        var title: String
        var body: String
        var keywords: [String]
        var updatedAt: Date
    }

    struct ListView: ResponseEncodable {
        var replies: [ReplyView]
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("canned-replies", use: list)
        api.post("canned-replies", use: create)
        api.put("canned-replies/:id", use: update)
        api.delete("canned-replies/:id", use: delete)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> ListView {
        let all = try await replies.all(by: context.principal, tenant: context.tenant, logger: context.logger)
        return ListView(replies: all.map(Self.view))
    }

    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<ReplyView> {
        try await save(request, context, id: nil, status: .created)
    }

    @Sendable func update(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<ReplyView> {
        try await save(request, context, id: try Self.id(context), status: .ok)
    }

    @Sendable func delete(_ request: Request, context: SignedInRequestContext) async throws -> HTTPResponse.Status {
        try await replies.delete(id: try Self.id(context), by: context.principal, tenant: context.tenant, logger: context.logger)
        return .noContent
    }

    private func save(
        _ request: Request,
        _ context: SignedInRequestContext,
        id: Int?,
        status: HTTPResponse.Status
    ) async throws -> EditedResponse<ReplyView> {
        try RequestDesk.requireStaff(context.principal)
        let draft = try await request.decodeBody(CannedReplies.Draft.self, context: context)
        let saved = try await replies.save(draft, id: id, by: context.principal, tenant: context.tenant, logger: context.logger)
        let all = try await replies.all(by: context.principal, tenant: context.tenant, logger: context.logger)
        guard let reply = all.first(where: { $0.id == saved }) else { throw PortalError.cannedReplyNotFound }
        return EditedResponse(status: status, response: Self.view(reply))
    }

    static func id(_ context: SignedInRequestContext) throws(PortalError) -> Int {
        guard let id = context.parameters.get("id").flatMap(Int.init) else { throw .cannedReplyNotFound }
        return id
    }

    static func view(_ reply: CannedReply) -> ReplyView {
        ReplyView(id: reply.id, title: reply.title, body: reply.body, keywords: reply.keywords, updatedAt: reply.updatedAt)
    }
}
