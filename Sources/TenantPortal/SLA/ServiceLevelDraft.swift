import Foundation
import PGStore

/// The business hours and due times form as entered (B10): the week's hours, the zone, holidays
/// one per line, and one row per policy plus a row for a new one. It turns into the settings to
/// store, and back into the form when a refusal shows it again as typed.
struct ServiceLevelDraft {
    struct Row {
        var team = ""
        var priority = "normal"
        var firstResponse = ""
        var resolution = ""
        var remove = false

        var isBlank: Bool { team.isEmpty && firstResponse.isEmpty && resolution.isEmpty }
    }

    var weeklyHours: String
    var timeZone: String
    var holidays: String
    var rows: [Row]
    var newRow = Row()

    init(_ calendar: CalendarSettings, _ policies: [ServiceLevelPolicy]) {
        weeklyHours = calendar.weeklyHours
        timeZone = calendar.timeZone ?? ""
        holidays = calendar.holidays.map { "\($0.day) \($0.name)".trimmed }.joined(separator: "\n")
        rows = policies.map {
            Row(team: $0.team, priority: $0.priority, firstResponse: String($0.firstResponseMinutes), resolution: String($0.resolutionMinutes))
        }
    }

    /// Rows are named by the indexes the form lists in `policy` fields, the new row by `new`.
    init(_ form: FormFields) {
        func row(_ id: String) -> Row {
            func text(_ name: String) -> String { (form["\(name).\(id)"] ?? "").trimmed }
            return Row(
                team: text("team"),
                priority: text("priority"),
                firstResponse: text("first"),
                resolution: text("resolution"),
                remove: form["remove.\(id)"] != nil
            )
        }
        weeklyHours = (form["weekly_hours"] ?? "").trimmed
        timeZone = (form["time_zone"] ?? "").trimmed
        holidays = form["holidays"] ?? ""
        rows = form.all("policy").map(row)
        newRow = row("new")
    }

    /// The settings to store; minutes that are not a whole number are refused here, the rest by
    /// `ServiceLevelSettings`.
    func settings() throws(PortalError) -> (CalendarSettings, [ServiceLevelPolicy]) {
        let holidays = holidays.split(whereSeparator: \.isNewline).compactMap { line -> CalendarSettings.Holiday? in
            let text = line.trimmed
            guard !text.isEmpty else { return nil }
            let parts = text.split(maxSplits: 1, whereSeparator: \.isWhitespace)
            return .init(day: String(parts[0]), name: parts.count > 1 ? parts[1].trimmed : "")
        }
        var policies: [ServiceLevelPolicy] = []
        for row in rows.filter({ !$0.remove }) + (newRow.isBlank ? [] : [newRow]) {
            guard let first = Int(row.firstResponse), let resolution = Int(row.resolution) else {
                throw .invalid(field: "policies", .outOfRange(1, 525_600))
            }
            policies.append(.init(team: row.team, priority: row.priority, firstResponseMinutes: first, resolutionMinutes: resolution))
        }
        return (CalendarSettings(weeklyHours: weeklyHours, timeZone: timeZone.isEmpty ? nil : timeZone, holidays: holidays), policies)
    }
}
