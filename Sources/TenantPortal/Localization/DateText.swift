import Foundation

/// Dates and times as a page shows them: in the tenant's time zone and the language's own order
/// (24/11/2026 10:43 in Vietnamese, 24 Nov 2026, 10:43 in English).
enum DateText {
    static func dateTime(_ date: Date, timeZone identifier: String, _ language: Language) -> String {
        var style = Date.FormatStyle(
            date: .numeric, time: .shortened, locale: Locale(identifier: language == .vi ? "vi_VN" : "en_GB"),
            timeZone: TimeZone(identifier: identifier) ?? .gmt)
        if language == .en { style = style.day().month(.abbreviated).year().hour().minute() }
        return date.formatted(style)
    }
}
