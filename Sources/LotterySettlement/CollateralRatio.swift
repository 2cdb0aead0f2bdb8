/// An agent's debt against their collateral (E4): the ratio in whole percent, and whether it is
/// over a limit, both worked out in 128 bits so no balance near `Int64`'s limit wraps around.
public enum CollateralRatio {
    /// `balance` as a percentage of `collateral`, rounded toward zero; nil without collateral.
    public static func percent(balance: Int64, collateral: Int64) -> Int64? {
        guard collateral > 0 else { return nil }
        return Int64(exactly: Int128(balance) * 100 / Int128(collateral)) ?? .max
    }

    /// Whether the debt is above `limitPercent` of the collateral.
    public static func isOver(balance: Int64, collateral: Int64, limitPercent: Int) -> Bool {
        Int128(balance) * 100 > Int128(collateral) * Int128(limitPercent)
    }
}
