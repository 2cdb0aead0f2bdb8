/// A lottery agent (PRODUCT.md E1) with the figures kept current from the ledger: the balance (owed
/// by the agent; negative: owed to them) and the collateral it is measured against (E4).
public struct LotteryAgent: Sendable, Equatable {
    public var id: Int
    public var code: String
    public var name: String
    public var phone: String
    public var region: String
    /// The rate in force today, in millionths (0.10 = 100,000).
    public var commissionMillionths: Int64
    public var collateral: Int64
    public var active: Bool
    /// The portal account the agent signs in with.
    public var username: String
    public var balance: Int64
    /// Every payment's sum.
    public var paid: Int64
    /// Where mail reaches the agent; optional.
    public var email: String?
}

/// A product the company sells tickets of (`XSMN-TN`), at a price in đồng.
public struct LotteryProduct: Sendable, Equatable {
    public var id: Int
    public var code: String
    public var name: String
    public var price: Int64

    public init(id: Int, code: String, name: String, price: Int64) {
        self.id = id
        self.code = code
        self.name = name
        self.price = price
    }
}

/// The tenant's lottery rules (tenant `0030`, `lottery_settings`).
public struct LotterySettings: Sendable, Equatable {
    /// `week` (Monday to Sunday) or `month`.
    public var periodKind: String
    public var payoutFeeMillionths: Int64
    /// Debt/collateral, in percent: above `warningPercent` the agent is warned, above
    /// `limitPercent` blocked from new allocations.
    public var warningPercent: Int
    public var limitPercent: Int
}

/// What an agent's details change to; nil leaves a detail as it is.
public struct LotteryAgentChange: Sendable, Equatable {
    public var name: String?
    public var phone: String?
    public var email: String?
    public var region: String?
    public var active: Bool?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil, region: String? = nil, active: Bool? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
        self.region = region
        self.active = active
    }
}
