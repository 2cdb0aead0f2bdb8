import Logging
import PGStore

/// What a tenant's administrators decide and see about notification mail (PRODUCT.md B8): which
/// events send mail, and the tenant's outbox, parked messages included.
struct NotificationDesk: Sendable {
    let database: Database
    /// The notices' copy of the rules, forgotten here when they are replaced.
    let rules: TenantMemo<NotificationRules>
    private let store = NotificationStore()
    private let outbox = OutboxStore()

    init(desk: RequestDesk) {
        database = desk.database
        rules = desk.notices.rules
    }

    func rules(by principal: Principal, tenant: Tenant, logger: Logger) async throws -> NotificationRules {
        try Self.requireAdmin(principal)
        return try await database.reading(tenant.scope, logger: logger) { try await store.rules(on: $0, logger: logger) }
    }

    /// Replaces the rules; every stage named must exist in one of the tenant's workflows.
    func setRules(_ rules: NotificationRules, workflows: [Workflow], by principal: Principal, tenant: Tenant, logger: Logger) async throws {
        try Self.requireAdmin(principal)
        let known = Set(workflows.flatMap { $0.stages.map(\.key) })
        if let unknown = rules.onStages.first(where: { !known.contains($0) }) {
            throw PortalError.invalid(field: "on_stages", .unknownStage(unknown))
        }
        try await database.withTenant(tenant.scope, logger: logger) { try await store.setRules(rules, on: $0, logger: logger) }
        self.rules.forget(tenant)
    }

    /// The tenant's newest outbox messages; row-level security keeps other tenants' out.
    func outbox(status: OutboxMessage.Status?, by principal: Principal, tenant: Tenant, logger: Logger) async throws -> [OutboxMessage] {
        try Self.requireAdmin(principal)
        return try await database.reading(tenant.scope, logger: logger) {
            try await outbox.list(status: status, tenantRole: nil, limit: 100, on: $0, logger: logger)
        }
    }

    static func requireAdmin(_ principal: Principal) throws(PortalError) {
        guard case .staff(let member) = principal else { throw .staffOnly }
        guard member.role == .admin else { throw .adminOnly }
    }
}
