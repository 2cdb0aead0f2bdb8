public import ServiceLevels

/// What an agent owes, day by day of draw (E2), from two things the ledger holds: each draw date's
/// net amount (the draws' amounts due and the adjustments dated that day, signed) and the total
/// paid. A day whose net is negative (prizes paid above sales, a correction) is credit, as a
/// payment is; credit settles the oldest days first. So each day's paid part depends only on the
/// totals: the credit, less every older day's debt, up to the day's own.
///
/// The store keeps these figures current as entries arrive (tenant function
/// `lottery_settle`, the same rule in SQL); `lottery verify` recomputes them here from the
/// entries and compares.
public struct DebtLedger: Equatable, Sendable {
    public struct Day: Equatable, Sendable {
        public var date: LocalDate
        /// What the day's draws and adjustments came to, when positive (else 0: the day is credit).
        public var due: Int64
        /// What credit settled of it.
        public var paid: Int64
        public var left: Int64 { due - paid }

        public init(date: LocalDate, due: Int64, paid: Int64) {
            self.date = date
            self.due = due
            self.paid = paid
        }
    }

    /// Every day with an amount, oldest first.
    public let days: [Day]
    /// Credit left once every day is settled: owed to the agent.
    public let credit: Int64
    /// Owed by the agent (positive) or to the agent (negative).
    public let balance: Int64

    /// `net` is each day's net amount (any order; one entry per day), `paid` every payment's sum.
    public init(net: [LocalDate: Int64], paid: Int64) throws(MoneyError) {
        guard paid >= 0 else { throw .negative(paid) }
        var credit = paid
        var balance = -paid
        for amount in net.values {
            balance = try Checked.add(balance, amount)
            if amount < 0 { credit = try Checked.add(credit, -amount) }
        }
        var days: [Day] = []
        for (date, amount) in net.sorted(by: { $0.key < $1.key }) {
            let due = max(0, amount)
            let settled = min(due, credit)
            credit -= settled
            days.append(Day(date: date, due: due, paid: settled))
        }
        self.days = days
        self.credit = credit
        self.balance = balance
    }

    /// What each period's days came to, were paid, and have left, oldest first.
    public func periods(_ kind: DebtPeriod.Kind) -> [(period: DebtPeriod, due: Int64, paid: Int64)] {
        var totals: [(period: DebtPeriod, due: Int64, paid: Int64)] = []
        for day in days {
            let period = DebtPeriod(containing: day.date, kind: kind)
            if totals.last?.period == period {
                totals[totals.count - 1].due += day.due
                totals[totals.count - 1].paid += day.paid
            } else {
                totals.append((period, day.due, day.paid))
            }
        }
        return totals
    }

    /// What is left to pay, by the age of its draw date on `today` (E2).
    public func ageing(on today: LocalDate) -> [DebtAge: Int64] {
        var buckets: [DebtAge: Int64] = [:]
        for day in days where day.left > 0 {
            buckets[DebtAge(days: today.days(since: day.date)), default: 0] += day.left
        }
        return buckets
    }
}

/// How old a debt is, by its draw date: 0-7, 8-30, 31-60, over 60 days.
public enum DebtAge: String, CaseIterable, Sendable, Comparable {
    case upToWeek = "0-7"
    case upToMonth = "8-30"
    case upToTwoMonths = "31-60"
    case older = "61+"

    public init(days: Int) {
        switch days {
        case ...7: self = .upToWeek
        case 8...30: self = .upToMonth
        case 31...60: self = .upToTwoMonths
        default: self = .older
        }
    }

    public static func < (lhs: DebtAge, rhs: DebtAge) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
