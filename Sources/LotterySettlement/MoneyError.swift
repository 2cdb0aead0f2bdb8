/// Why an amount could not be worked out: money is whole đồng in `Int64`, and an amount past its
/// range is refused rather than wrapped or rounded.
public enum MoneyError: Error, Equatable, Sendable {
    case overflow
    case negative(Int64)
}

/// Checked sums and products of đồng amounts and ticket counts.
public enum Checked {
    public static func add(_ a: Int64, _ b: Int64) throws(MoneyError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .overflow }
        return sum
    }

    public static func subtract(_ a: Int64, _ b: Int64) throws(MoneyError) -> Int64 {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        guard !overflow else { throw .overflow }
        return difference
    }

    public static func multiply(_ a: Int64, _ b: Int64) throws(MoneyError) -> Int64 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw .overflow }
        return product
    }
}
