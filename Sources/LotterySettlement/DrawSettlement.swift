/// What one agent did with one draw (E3): tickets taken and returned unsold (vé ế, confirmed), the
/// ticket price, and the prizes the agent paid on the company's behalf (ủy quyền trả thưởng).
public struct DrawFigures: Hashable, Sendable {
    public var allocated: Int64
    public var returned: Int64
    public var price: Int64
    public var prizesPaid: Int64

    public init(allocated: Int64, returned: Int64, price: Int64, prizesPaid: Int64) {
        self.allocated = allocated
        self.returned = returned
        self.price = price
        self.prizesPaid = prizesPaid
    }
}

/// Why a draw's figures cannot be settled.
public enum SettlementError: Error, Equatable, Sendable {
    case negativeTickets
    case returnsAboveAllocation(returned: Int64, allocated: Int64)
    case negativeAmount
    case money(MoneyError)
}

/// One agent's settlement of one draw (E7): net sold = allocated - returned; revenue = net sold x
/// price; commission = revenue x the agent's rate on the draw date; payout fee = prizes paid x the
/// tenant's fee rate; amount due = revenue - commission - prizes paid - payout fee. Commission and
/// fee round to the nearest đồng, halves up. The amount due may be negative: the company owes the
/// agent when the prizes they paid out exceed what they sold.
public struct DrawSettlement: Hashable, Sendable {
    public let netSold: Int64
    public let revenue: Int64
    public let commission: Int64
    public let payoutFee: Int64
    public let amountDue: Int64

    public init(_ figures: DrawFigures, commissionRate: Rate, payoutFeeRate: Rate) throws(SettlementError) {
        guard figures.allocated >= 0, figures.returned >= 0 else { throw .negativeTickets }
        guard figures.returned <= figures.allocated else {
            throw .returnsAboveAllocation(returned: figures.returned, allocated: figures.allocated)
        }
        guard figures.price >= 0, figures.prizesPaid >= 0 else { throw .negativeAmount }
        do {
            netSold = figures.allocated - figures.returned
            revenue = try Checked.multiply(netSold, figures.price)
            commission = try commissionRate.of(revenue)
            payoutFee = try payoutFeeRate.of(figures.prizesPaid)
            amountDue = try Checked.subtract(try Checked.subtract(revenue - commission, figures.prizesPaid), payoutFee)
        } catch {
            throw .money(error)
        }
    }
}
