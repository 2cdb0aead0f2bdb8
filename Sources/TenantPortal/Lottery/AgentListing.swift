import PGStore

/// An agent as the API answers and `portal-admin agent list --json` prints: amounts in whole đồng,
/// the commission rate as a decimal fraction.
public struct AgentListing: Encodable, Sendable {
    public var code: String
    public var name: String
    public var phone: String
    public var email: String?
    public var region: String
    /// A decimal fraction: "0.1".
    public var commissionRate: String
    public var collateral: Int64
    /// Owed by the agent (negative: owed to them).
    public var balance: Int64
    public var active: Bool
    public var username: String

    public init(_ agent: LotteryAgent) {
        code = agent.code
        name = agent.name
        phone = agent.phone
        email = agent.email
        region = agent.region
        commissionRate = LotteryAgents.rateText(agent.commissionMillionths)
        collateral = agent.collateral
        balance = agent.balance
        active = agent.active
        username = agent.username
    }
}
