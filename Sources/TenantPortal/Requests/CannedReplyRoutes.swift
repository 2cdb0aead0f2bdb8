import Foundation
import Hummingbird
import PGStore

/// `/canned-replies`: staff list, add, edit and delete the replies they insert (PRODUCT.md B12).
struct CannedReplyRoutes {
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

    func add(to api: RouterGroup<PortalRequestContext>) {
        api.get("canned-replies") { _, context in
            let all = try await replies.all(by: try context.requirePrincipal(), tenant: try context.requireTenant(), logger: context.logger)
            return ListView(replies: all.map(Self.view))
        }
        api.post("canned-replies") { request, context in
            try await save(request, context, id: nil, status: .created)
        }
        api.put("canned-replies/:id") { request, context in
            try await save(request, context, id: try Self.id(context), status: .ok)
        }
        api.delete("canned-replies/:id") { _, context in
            let principal = try context.requirePrincipal()
            try await replies.delete(id: try Self.id(context), by: principal, tenant: try context.requireTenant(), logger: context.logger)
            return HTTPResponse.Status.noContent
        }
    }

    private func save(
        _ request: Request,
        _ context: PortalRequestContext,
        id: Int?,
        status: HTTPResponse.Status
    ) async throws -> EditedResponse<ReplyView> {
        let principal = try context.requirePrincipal()
        try RequestDesk.requireStaff(principal)
        let draft = try await request.decodeBody(CannedReplies.Draft.self, context: context)
        let tenant = try context.requireTenant()
        let saved = try await replies.save(draft, id: id, by: principal, tenant: tenant, logger: context.logger)
        let all = try await replies.all(by: principal, tenant: tenant, logger: context.logger)
        guard let reply = all.first(where: { $0.id == saved }) else { throw PortalError.cannedReplyNotFound }
        return EditedResponse(status: status, response: Self.view(reply))
    }

    static func id(_ context: PortalRequestContext) throws(PortalError) -> Int {
        guard let id = context.parameters.get("id").flatMap(Int.init) else { throw .cannedReplyNotFound }
        return id
    }

    static func view(_ reply: CannedReply) -> ReplyView {
        ReplyView(id: reply.id, title: reply.title, body: reply.body, keywords: reply.keywords, updatedAt: reply.updatedAt)
    }
}
