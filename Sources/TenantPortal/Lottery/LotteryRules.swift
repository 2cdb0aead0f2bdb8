import Foundation
import Logging
import LotterySettlement
import PGStore

/// The tenant's lottery rules (E2, E4, E7): the debt period (weekly from Monday, or monthly), the
/// payout fee on prizes agents pay on the company's behalf (at most 0.2%), and the debt/collateral
/// ratios above which an agent is warned and blocked. Read by staff; changed by administrators
/// (API) and operators (`portal-admin lottery settings`).
public struct LotteryRules: Sendable {
    let database: Database
    /// This instance's copy of the rules, when it keeps one (the service does, `portal-admin`
    /// not): forgotten at once after a change here; other instances hear of it at commit.
    let memo: TenantMemo<LotterySettings>?
    private let store = LotteryStore()
    private let statements = LotteryStatementStore()

    public init(database: Database) {
        self.init(database: database, memo: nil)
    }

    init(database: Database, memo: TenantMemo<LotterySettings>?) {
        self.database = database
        self.memo = memo
    }

    /// A memo of the rules for the service's instances.
    static func memo() -> TenantMemo<LotterySettings> {
        TenantMemo { connection, logger in try await LotteryStore().settings(on: connection, logger: logger) }
    }

    /// A change as typed; nil keeps a rule. Ratios are decimal fractions of collateral in whole
    /// percent (`0.8`, `1`, `1.25`).
    public struct Change: Sendable {
        public var periodKind: String?
        public var payoutFee: String?
        public var warningRatio: String?
        public var limitRatio: String?

        public init(periodKind: String? = nil, payoutFee: String? = nil, warningRatio: String? = nil, limitRatio: String? = nil) {
            self.periodKind = periodKind
            self.payoutFee = payoutFee
            self.warningRatio = warningRatio
            self.limitRatio = limitRatio
        }
    }

    public func current(tenant: Tenant, logger: Logger) async throws -> LotterySettings {
        try await database.reading(tenant.scope, logger: logger) { try await store.settings(on: $0, logger: logger) }
    }

    /// Applies `change`; the rules as they now are. The period kind cannot change once a period
    /// has been closed: the closed periods' statements are of the old kind.
    public func change(_ change: Change, actor: String, tenant: Tenant, logger: Logger) async throws -> LotterySettings {
        let kind = try change.periodKind.map { text throws(LotteryRefusal) in
            guard let kind = DebtPeriod.Kind(rawValue: text.trimmed) else { throw .invalid("period_kind", .periodKindName(text)) }
            return kind.rawValue
        }
        let fee = try change.payoutFee.map { text throws(LotteryRefusal) in
            guard let rate = Rate(text.trimmed), rate <= Rate.maximumPayoutFee else { throw .invalid("payout_fee", .payoutFee(text)) }
            return rate.millionths
        }
        let warning = try change.warningRatio.map { text throws(LotteryRefusal) in try Self.percent(text, field: "warning_ratio") }
        let limit = try change.limitRatio.map { text throws(LotteryRefusal) in try Self.percent(text, field: "limit_ratio") }
        defer { memo?.forget(tenant) }
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            var rules = try await store.settings(on: connection, logger: logger)
            if let kind, kind != rules.periodKind, !(try await statements.closedPeriods(on: connection, logger: logger)).isEmpty {
                throw LotteryRefusal.conflict("periods_closed", .periodKindFixed(rules.periodKind))
            }
            rules.periodKind = kind ?? rules.periodKind
            rules.payoutFeeMillionths = fee ?? rules.payoutFeeMillionths
            rules.warningPercent = warning ?? rules.warningPercent
            rules.limitPercent = limit ?? rules.limitPercent
            guard rules.warningPercent <= rules.limitPercent else { throw LotteryRefusal.invalid("warning_ratio", .warningAboveLimit) }
            let action =
                "lottery.settings period=\(rules.periodKind) payout_fee=\(Rate(millionths: rules.payoutFeeMillionths)!) "
                + "warning=\(rules.warningPercent)% limit=\(rules.limitPercent)%"
            try await store.saveSettings(rules, actor: actor, action: action, on: connection, logger: logger)
            return rules
        }
    }

    /// The fee and the ratios as decimal fractions, as they are typed: `0.002`, `0.8`, `1.25`.
    public static func decimals(_ settings: LotterySettings) -> (payoutFee: String, warningRatio: String, limitRatio: String) {
        (Rate(millionths: settings.payoutFeeMillionths).map(\.description) ?? "", ratio(settings.warningPercent), ratio(settings.limitPercent))
    }

    /// A whole percent as a decimal fraction: 80 is `0.8`, 125 is `1.25`, 100 is `1`.
    static func ratio(_ percent: Int) -> String {
        let cents = String(format: "%02d", percent % 100)
        return "\(percent / 100)" + (cents == "00" ? "" : "." + (cents.hasSuffix("0") ? String(cents.prefix(1)) : cents))
    }

    /// A ratio of collateral as a decimal fraction in whole percent (at most two decimals), from
    /// 0.01 to 10; its percent.
    private static func percent(_ text: String, field: String) throws(LotteryRefusal) -> Int {
        let parts = text.trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard (1...2).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || (1...2).contains(fraction.count),
            fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let units = Int(whole),
            let cents = Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)),
            (1...1_000).contains(units * 100 + cents)
        else { throw .invalid(field, .ratio(text)) }
        return units * 100 + cents
    }
}
