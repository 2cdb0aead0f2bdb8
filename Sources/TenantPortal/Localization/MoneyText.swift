/// Money as a page shows it: whole đồng (money is never fractional or floating point here), grouped
/// by thousands the language's way, with the đồng sign after the figure: `1.250.000 ₫` in
/// Vietnamese, `1,250,000 ₫` in English.
enum MoneyText {
    static func vnd(_ amount: Int, _ language: Language) -> String {
        let separator: Character =
            switch language {
            case .vi: "."
            case .en: ","
            }
        var digits = String(amount.magnitude)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(separator, at: index)
        }
        return (amount < 0 ? "-" : "") + digits + " ₫"
    }
}
