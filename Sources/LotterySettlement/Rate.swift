/// A rate as an exact decimal fraction in millionths (0.10 is 100,000; 0.2% is 2,000): commission
/// and payout-fee rates are money rules, so they are never `Double` (E6, E7).
public struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000

    /// The most an agent's commission may be: 15% of revenue (Circular 138/2017).
    public static let maximumCommission = Rate(millionths: 150_000)!
    /// The most the payout fee may be: 0.2% of the prizes an agent paid on the company's behalf.
    public static let maximumPayoutFee = Rate(millionths: 2_000)!

    public let millionths: Int64

    /// Nil unless 0 ≤ millionths ≤ 1,000,000 (a rate is at most the whole amount).
    public init?(millionths: Int64) {
        guard (0...Self.scale).contains(millionths) else { return nil }
        self.millionths = millionths
    }

    /// A decimal fraction as typed: `0.10`, `0.125`, `0.002`, `1` (at most six decimals, no sign,
    /// no exponent). Nil for anything else, so `0,1`, `10%` or `1e-1` are refused, not guessed at.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.count <= 1, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= 6, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let padded = fraction + String(repeating: "0", count: 6 - fraction.count)
        guard let units = Int64(whole), let millionths = Int64(padded) else { return nil }
        self.init(millionths: units * Self.scale + millionths)
    }

    /// The shortest decimal that reads back as this rate: `0.1`, `0.125`, `0`.
    public var description: String {
        let whole = millionths / Self.scale
        var fraction = String(millionths % Self.scale)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
    }

    /// This rate of `amount` đồng, to the nearest đồng, halves up (E7). The product is taken in
    /// 128 bits, so only a result past `Int64` fails; `amount` is never negative here.
    public func of(_ amount: Int64) throws(MoneyError) -> Int64 {
        guard amount >= 0 else { throw .negative(amount) }
        let product = amount.multipliedFullWidth(by: millionths)
        let (quotient, remainder) = Self.scale.dividingFullWidth((product.high, product.low))
        let (rounded, overflow) = quotient.addingReportingOverflow(remainder * 2 >= Self.scale ? 1 : 0)
        guard !overflow else { throw .overflow }
        return rounded
    }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.millionths < rhs.millionths }
}
