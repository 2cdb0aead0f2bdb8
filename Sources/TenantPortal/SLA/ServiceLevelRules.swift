import PGStore

/// A tenant's service-level settings as the clocks use them (PRODUCT.md B10): the business calendar
/// and the policies, kept per tenant for a few seconds (`ServiceLevelDesk.rules`), since every
/// change to a ticket reviews its clocks.
struct ServiceLevelRules: Sendable {
    var calendar: CalendarSettings
    var policies: [ServiceLevelPolicy]

    /// The team's own policy for the priority, else the one for every team (empty team), if any.
    func policy(team: String, priority: String) -> ServiceLevelPolicy? {
        policies.first { $0.team == team && $0.priority == priority } ?? policies.first { $0.team.isEmpty && $0.priority == priority }
    }
}
