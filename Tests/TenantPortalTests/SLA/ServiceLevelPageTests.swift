import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The business hours and due times page (issue 5, B10).
@Suite("Business hours and due times page")
struct ServiceLevelPageTests {
    /// The form as the page posts it for the four shipped policies (rows 0-3 in the store's order),
    /// and `new` in the new policy's row.
    static func form(
        hours: String,
        holidays: String = "",
        removing removed: Int? = nil,
        new: [String] = ["", "normal", "", ""]
    ) throws -> [(String, String)] {
        var fields = [("weekly_hours", hours), ("time_zone", ""), ("holidays", holidays)]
        for (index, (priority, first, resolution)) in [("urgent", 30, 240), ("high", 60, 480), ("normal", 240, 1440), ("low", 480, 2880)].enumerated()
        {
            fields += [
                ("policy", "\(index)"), ("team.\(index)", ""), ("priority.\(index)", priority), ("first.\(index)", "\(first)"),
                ("resolution.\(index)", "\(resolution)"),
            ]
            if index == removed { fields.append(("remove.\(index)", "on")) }
        }
        return fields + zip(["team.new", "priority.new", "first.new", "resolution.new"], new).map { ($0, $1) }
    }

    @Test("administrators set hours, holidays and a team's due times; a bad field shows next to itself with the form kept; agents are refused")
    func settings() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await PortalFixtures.staff(tenant, "minh")
        try await withPortal { client in
            var agent = try await PageVisitor.signedIn(client, tenant, username: "minh")
            #expect(try await agent.get("staff/settings/service-levels").status == .forbidden)
            var admin = try await PageVisitor.signedIn(client, tenant, username: "lan")
            let page = try await admin.get("staff/settings/service-levels")
            #expect(page.status == .ok && page.text.contains("<option value=\"urgent\" selected>Khẩn cấp</option>"))

            let badHours = try await admin.post(
                "staff/settings/service-levels",
                try Self.form(hours: "mon-fri 17:00-08:00", holidays: "2026-09-02 Quốc khánh")
            )
            #expect(badHours.status == .unprocessableContent && badHours.text.contains("id=\"weekly-hours-error\""))
            #expect(badHours.text.contains("value=\"mon-fri 17:00-08:00\"") && badHours.text.contains("2026-09-02 Quốc khánh</textarea>"))

            let noUrgent = try await admin.post("staff/settings/service-levels", try Self.form(hours: "mon-fri 08:00-17:00", removing: 0))
            #expect(noUrgent.status == .unprocessableContent && noUrgent.text.contains("id=\"policies-error\""))
            let badDay = try await admin.post(
                "staff/settings/service-levels",
                try Self.form(hours: "mon-fri 08:00-17:00", holidays: "2026-02-30 Tết")
            )
            #expect(badDay.status == .unprocessableContent && badDay.text.contains("id=\"holidays-error\""))

            let saved = try await admin.post(
                "staff/settings/service-levels",
                try Self.form(
                    hours: "mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00",
                    holidays: "2026-09-02 Quốc khánh\n\n2027-02-06 Tết",
                    new: ["Kỹ thuật", "urgent", "15", "120"]
                )
            )
            #expect(saved.status == .seeOther)
            let api = APIClient(client: client, tenant: tenant)
            let stored = try await api.call(.get, "/settings/service-levels", token: try await api.staffSession("lan")).json
            #expect(stored["weekly_hours"] as? String == "mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00")
            #expect((stored["holidays"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Quốc khánh", "Tết"])
            let policies = stored["policies"] as? [[String: Any]] ?? []
            #expect(policies.count == 5 && policies.contains { $0["team"] as? String == "Kỹ thuật" && $0["first_response_minutes"] as? Int == 15 })
            #expect(try await admin.get("staff/settings/service-levels?saved").text.contains("value=\"Kỹ thuật\""))
        }
    }
}
