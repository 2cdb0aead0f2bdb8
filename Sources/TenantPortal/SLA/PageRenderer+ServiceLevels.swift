import Hummingbird
import PGStore

/// The business hours and due times settings (B10): the calendar and the policies as a form.
extension PageRenderer {
    func serviceLevels(
        _ draft: ServiceLevelDraft,
        errors: [String: String],
        saved: Bool,
        member: Principal,
        tenant: Tenant,
        csrf: String,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        func row(_ row: ServiceLevelDraft.Row, id: String) -> [String: Any] {
            [
                "id": id, "isNew": id == "new", "team": row.team, "first": row.firstResponse, "resolution": row.resolution, "remove": row.remove,
                "priorities": RequestDesk.priorities.map {
                    ["key": $0, "name": StaffText.priorityName($0, language), "selected": $0 == row.priority]
                },
            ]
        }
        return render(
            "service-levels/staff-service-levels",
            navigation.frame(.serviceLevels, member: member, tenant: tenant, language: language).merging([
                "csrf": csrf, "error": errors["form"] as Any, "saved": (saved ? ServiceLevelPageText.saved(language) : nil) as Any,
                "calendarLabel": ServiceLevelPageText.calendar(language),
                "weeklyHoursLabel": ServiceLevelPageText.weeklyHours(language), "weeklyHoursHint": ServiceLevelPageText.weeklyHoursHint(language),
                "weeklyHours": draft.weeklyHours, "weeklyHoursError": errors["weekly_hours"] as Any,
                "timeZoneLabel": ServiceLevelPageText.timeZone(language),
                "timeZoneHint": ServiceLevelPageText.timeZoneHint(tenant.timeZone, language), "timeZone": draft.timeZone,
                "timeZoneError": errors["time_zone"] as Any,
                "holidaysLabel": ServiceLevelPageText.holidays(language), "holidaysHint": ServiceLevelPageText.holidaysHint(language),
                "holidays": draft.holidays, "holidaysError": errors["holidays"] as Any,
                "policiesLabel": ServiceLevelPageText.policies(language), "policiesHint": ServiceLevelPageText.policiesHint(language),
                "policiesError": errors["policies"] as Any, "teamLabel": ServiceLevelPageText.team(language),
                "priorityLabel": StaffTicketText.priority(language), "firstLabel": ServiceLevelPageText.firstResponse(language),
                "resolutionLabel": ServiceLevelPageText.resolution(language), "removeLabel": ServiceLevelPageText.remove(language),
                "newLabel": ServiceLevelPageText.newPolicy(language), "submit": ServiceLevelPageText.save(language),
                "rows": draft.rows.enumerated().map { row($1, id: String($0)) } + [row(draft.newRow, id: "new")],
            ]) { $1 },
            language: language,
            status: status
        )
    }
}
