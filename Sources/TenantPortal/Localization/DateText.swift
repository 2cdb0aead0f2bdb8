import Foundation

/// Dates and times as a page shows them: in the tenant's time zone and the language's own order
/// (24/11/2026 10:43 in Vietnamese, 24 Nov 2026 at 10:43 in English).
enum DateText {
    static func dateTime(_ date: Date, timeZone identifier: String, _ language: Language) -> String {
        var style = Date.FormatStyle(
            date: .numeric,
            time: .shortened,
            locale: Locale(identifier: language.localeIdentifier),
            timeZone: TimeZone(identifier: identifier) ?? .gmt
        )
        if language == .en { style = style.day().month(.abbreviated).year().hour().minute() }
        return date.formatted(style)
    }

    /// A calendar day stored as midnight UTC (a `date` column): 30/06/2027, or 30 Jun 2027.
    static func day(_ date: Date, _ language: Language) -> String {
        guard language == .en else {
            let day = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date)
            return String(format: "%02d/%02d/%04d", day.day ?? 0, day.month ?? 0, day.year ?? 0)
        }
        return date.formatted(Date.FormatStyle(locale: Locale(identifier: "en_GB"), timeZone: .gmt).day().month(.abbreviated).year())
    }
}
