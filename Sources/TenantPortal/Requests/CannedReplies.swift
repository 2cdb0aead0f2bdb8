import Foundation
import Logging
import PGStore

/// Canned replies staff insert and edit (PRODUCT.md B12), and the automatic first reply a new
/// ticket gets when its text contains one of a reply's keywords.
public struct CannedReplies: Sendable {
    let database: Database
    private let store = CannedReplyStore()

    public init(database: Database) {
        self.database = database
    }

    public struct Draft: Sendable, Decodable {
        public var title: String?
        public var body: String?
        public var keywords: [String]?
    }

    public func all(by principal: Principal, tenant: Tenant, logger: Logger) async throws -> [CannedReply] {
        try RequestDesk.requireStaff(principal)
        return try await database.reading(tenant.scope, logger: logger) { try await store.all(on: $0, logger: logger) }
    }

    /// Creates a reply (`id` nil) or replaces one; returns its id.
    public func save(_ draft: Draft, id: Int?, by principal: Principal, tenant: Tenant, logger: Logger) async throws -> Int {
        try RequestDesk.requireStaff(principal)
        let title = try TextInput.required(draft.title, field: "title", limit: 200)
        let body = try TextInput.required(draft.body, field: "body", limit: 20_000)
        let keywords = try (draft.keywords ?? []).compactMap { try TextInput.optional($0, field: "keywords", limit: 100)?.lowercased() }
        guard keywords.count <= 50 else { throw PortalError.invalid(field: "keywords", .outOfRange(0, 50)) }
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let id else { return try await store.create(title: title, body: body, keywords: keywords, on: connection, logger: logger) }
            guard try await store.update(id: id, title: title, body: body, keywords: keywords, on: connection, logger: logger) else {
                throw PortalError.cannedReplyNotFound
            }
            return id
        }
    }

    public func delete(id: Int, by principal: Principal, tenant: Tenant, logger: Logger) async throws {
        try RequestDesk.requireStaff(principal)
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard try await store.delete(id: id, on: connection, logger: logger) else { throw PortalError.cannedReplyNotFound }
        }
    }
}
