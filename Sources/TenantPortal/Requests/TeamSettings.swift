import Logging
import PGStore

/// The teams a tenant's administrators set up (PRODUCT.md B11): each with a lead (who hears about
/// escalations) and the ticket types it takes; new tickets of those types go round the team.
/// Members are staff whose team is the team's name.
public struct TeamSettings: Sendable {
    let database: Database
    private let store = AssignmentStore()

    public init(database: Database) {
        self.database = database
    }

    public func teams(by principal: Principal, tenant: Tenant, logger: Logger) async throws -> [Team] {
        try NotificationDesk.requireAdmin(principal)
        return try await database.reading(tenant.scope, logger: logger) { try await store.teams(on: $0, logger: logger) }
    }

    /// Replaces every team; names must be unique, ticket types and leads must exist.
    public func replace(_ teams: [Team], workflows: [Workflow], by principal: Principal, tenant: Tenant, logger: Logger) async throws {
        try NotificationDesk.requireAdmin(principal)
        let types = Set(workflows.map(\.ticketType))
        var names: Set<String> = []
        for team in teams {
            try TextInput.checkCharacters(team.name + (team.lead ?? ""), field: "teams")
            guard (1...100).contains(team.name.count) else { throw PortalError.invalid(field: "teams", .tooLong(100)) }
            guard names.insert(team.name).inserted else { throw PortalError.invalid(field: "teams", .teamGivenTwice(team.name)) }
            if let unknown = team.ticketTypes.first(where: { !types.contains($0) }) {
                throw PortalError.invalid(field: "teams", .unknownTicketType(unknown))
            }
        }
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard try await store.setTeams(teams, on: connection, logger: logger) else {
                let leads = teams.compactMap(\.lead)
                throw PortalError.invalid(field: "teams", .unknownStaff(leads.joined(separator: ", ")))
            }
        }
    }
}
