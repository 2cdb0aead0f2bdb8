import Logging
import PGStore

/// The views a staff member saved on the ticket table (B13, issue 18), each with how many tickets
/// it holds now. A view is the table's query text, read back with the same checks as an address:
/// one that no longer reads (a filter refused since) shows without a count.
extension RequestDesk {
    public struct CountedView: Sendable, Equatable {
        public var view: SavedView
        public var count: Int?
    }

    func savedViews(for principal: Principal, tenant: Tenant, logger: Logger) async throws -> [CountedView] {
        guard case .staff(let member) = principal else { throw PortalError.staffOnly }
        return try await database.reading(tenant.scope, logger: logger) { connection in
            let all = try await workflows.value(of: tenant, on: connection, logger: logger)
            var counted: [CountedView] = []
            for view in try await SavedViewStore().views(staffID: member.id, on: connection, logger: logger) {
                guard let asked = try? TicketListQuery(query: view.query, tenant: tenant) else {
                    counted.append(CountedView(view: view, count: nil))
                    continue
                }
                let filter = Self.narrowed(asked.filter, status: asked.status, for: principal, in: all)
                counted.append(CountedView(view: view, count: try await tickets.count(filter, visibility: .all, on: connection, logger: logger)))
            }
            return counted
        }
    }

    /// Saves the table's `query` as the member's view `name` (replacing one of that name); the
    /// query must read as an address would.
    func saveView(name: String?, query: String, by principal: Principal, tenant: Tenant, logger: Logger) async throws {
        guard case .staff(let member) = principal else { throw PortalError.staffOnly }
        let name = try TextInput.required(name, field: "name", limit: 80)
        let query = String(query.drop { $0 == "?" })
        guard query.count <= 2000 else { throw PortalError.invalid(field: "query", .tooLong(2000)) }
        _ = try TicketListQuery(query: query, tenant: tenant)
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            try await SavedViewStore().save(name: name, query: query, staffID: member.id, on: connection, logger: logger)
        }
    }

    func deleteView(id: Int, by principal: Principal, tenant: Tenant, logger: Logger) async throws {
        guard case .staff(let member) = principal else { throw PortalError.staffOnly }
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            try await SavedViewStore().delete(id: id, staffID: member.id, on: connection, logger: logger)
        }
    }

    /// `filter` as `principal` asks it: `assignee=me` as their own username, `status` as the stages
    /// they are shown by that key.
    static func narrowed(_ filter: TicketFilter, status: String?, for principal: Principal, in workflows: [Workflow]) -> TicketFilter {
        var filter = filter
        if filter.assignee == .staff("me"), case .staff(let member) = principal { filter.assignee = .staff(member.username) }
        filter.stages = status.map { stages(shownAs: $0, to: principal, in: workflows) }
        return filter
    }
}
