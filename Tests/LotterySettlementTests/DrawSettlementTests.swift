import LotterySettlement
import Testing

@Suite("One agent's settlement of one draw (E7)")
struct DrawSettlementTests {
    let tenPercent = Rate("0.10")!
    let fee = Rate.maximumPayoutFee

    @Test("net sold, revenue, commission, payout fee and amount due, to the đồng")
    func settles() throws {
        // 1,000 tickets taken, 120 returned unsold, 10,000 đ each; 1,500,000 đ of prizes paid.
        let settled = try DrawSettlement(
            DrawFigures(allocated: 1_000, returned: 120, price: 10_000, prizesPaid: 1_500_000),
            commissionRate: tenPercent,
            payoutFeeRate: fee
        )
        #expect(settled.netSold == 880)
        #expect(settled.revenue == 8_800_000)
        #expect(settled.commission == 880_000)
        #expect(settled.payoutFee == 3_000)
        #expect(settled.amountDue == 8_800_000 - 880_000 - 1_500_000 - 3_000)
    }

    @Test("commission and fee round to the nearest đồng, halves up")
    func rounding() throws {
        // 12.5% of 10,004 = 1,250.5 -> 1,251; 0.2% of 250 = 0.5 -> 1; 0.2% of 249 = 0.498 -> 0.
        #expect(try Rate("0.125")!.of(10_004) == 1_251)
        #expect(try fee.of(250) == 1)
        #expect(try fee.of(249) == 0)
        #expect(try Rate("0.125")!.of(10_003) == 1_250)
        let settled = try DrawSettlement(
            DrawFigures(allocated: 3, returned: 0, price: 3_335, prizesPaid: 250),
            commissionRate: Rate("0.125")!,
            payoutFeeRate: fee
        )
        #expect(settled.commission == 1_251)
        #expect(settled.payoutFee == 1)
        #expect(settled.amountDue == 10_005 - 1_251 - 250 - 1)
    }

    @Test("the company owes the agent when prizes paid exceed what was sold")
    func negativeDue() throws {
        let settled = try DrawSettlement(
            DrawFigures(allocated: 10, returned: 10, price: 10_000, prizesPaid: 2_000_000),
            commissionRate: tenPercent,
            payoutFeeRate: fee
        )
        #expect(settled.revenue == 0)
        #expect(settled.amountDue == -2_004_000)
    }

    @Test("bad figures are refused: negative tickets, returns above allocation, negative amounts")
    func refusals() {
        func settle(_ figures: DrawFigures) -> SettlementError? {
            do {
                _ = try DrawSettlement(figures, commissionRate: tenPercent, payoutFeeRate: fee)
                return nil
            } catch { return error }
        }
        #expect(settle(DrawFigures(allocated: -1, returned: 0, price: 10_000, prizesPaid: 0)) == .negativeTickets)
        #expect(settle(DrawFigures(allocated: 5, returned: -1, price: 10_000, prizesPaid: 0)) == .negativeTickets)
        #expect(settle(DrawFigures(allocated: 5, returned: 6, price: 10_000, prizesPaid: 0)) == .returnsAboveAllocation(returned: 6, allocated: 5))
        #expect(settle(DrawFigures(allocated: 5, returned: 0, price: -1, prizesPaid: 0)) == .negativeAmount)
        #expect(settle(DrawFigures(allocated: 5, returned: 0, price: 1, prizesPaid: -1)) == .negativeAmount)
    }

    @Test("amounts near the Int64 limit: computed in 128 bits where they fit, refused where they do not")
    func limits() {
        // The commission of a revenue near the limit fits, though revenue x rate does not in 64 bits.
        #expect((try? tenPercent.of(Int64.max)) == Int64.max / 10 + 1)
        #expect((try? Rate("1")!.of(Int64.max)) == Int64.max)
        let huge = DrawFigures(allocated: Int64.max / 2, returned: 0, price: 3, prizesPaid: 0)
        #expect(throws: SettlementError.money(.overflow)) {
            try DrawSettlement(huge, commissionRate: tenPercent, payoutFeeRate: fee)
        }
        #expect(throws: MoneyError.negative(-5)) { try tenPercent.of(-5) }
    }
}

@Suite("Rates are exact decimals")
struct RateTests {
    @Test(
        "read as typed, written back shortest",
        arguments: [
            ("0.10", 100_000, "0.1"), ("0.125", 125_000, "0.125"), ("0.002", 2_000, "0.002"), ("0", 0, "0"), ("1", 1_000_000, "1"),
            ("0.000001", 1, "0.000001"),
        ]
    )
    func reads(text: String, millionths: Int64, written: String) throws {
        let rate = try #require(Rate(text))
        #expect(rate.millionths == millionths)
        #expect(rate.description == written)
        #expect(Rate(rate.description) == rate)
    }

    @Test("anything else is refused", arguments: ["", ".1", "0.", "0,1", "10%", "1e-1", "-0.1", "1.5", "0.0000001", "00.1", " 0.1", "２"])
    func refuses(text: String) {
        #expect(Rate(text) == nil)
    }

    @Test("the legal limits: commission at most 15%, payout fee at most 0.2%")
    func limits() {
        #expect(Rate.maximumCommission == Rate("0.15"))
        #expect(Rate.maximumPayoutFee == Rate("0.002"))
        #expect(Rate("0.16")! > Rate.maximumCommission)
    }
}

@Suite("Debt against collateral")
struct CollateralRatioTests {
    @Test("the ratio in whole percent, none without collateral, no wrap-around near the Int64 limit")
    func ratio() {
        #expect(CollateralRatio.percent(balance: 2_250_000, collateral: 2_000_000) == 112)
        #expect(CollateralRatio.percent(balance: -500_000, collateral: 2_000_000) == -25)
        #expect(CollateralRatio.percent(balance: 1, collateral: 0) == nil)
        #expect(CollateralRatio.percent(balance: .max, collateral: 1) == .max)
        #expect(CollateralRatio.percent(balance: .max, collateral: .max) == 100)
        #expect(CollateralRatio.isOver(balance: 2_000_001, collateral: 2_000_000, limitPercent: 100))
        #expect(!CollateralRatio.isOver(balance: 2_000_000, collateral: 2_000_000, limitPercent: 100))
        #expect(CollateralRatio.isOver(balance: .max, collateral: .max, limitPercent: 80))
        #expect(CollateralRatio.isOver(balance: 1, collateral: 0, limitPercent: 100))
    }
}
