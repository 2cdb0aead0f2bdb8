import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import PostgresNIO
import Testing

@testable import TenantPortal

/// The workflow editor (issue 5, B2): administrators change stages, names, visibility and moves.
@Suite("Workflow editor")
struct WorkflowEditorTests {
    struct Stage {
        var key: String
        var vi: String
        var en: String
        var terminal = false
        var moves: [String] = []
    }

    /// The support workflow as shipped, the way its form posts it.
    static let shipped = [
        Stage(key: "received", vi: "Đã tiếp nhận", en: "Received", moves: ["in_progress", "cancelled"]),
        Stage(key: "in_progress", vi: "Đang xử lý", en: "In progress", moves: ["waiting_customer", "resolved"]),
        Stage(key: "waiting_customer", vi: "Chờ khách hàng phản hồi", en: "Waiting for you", moves: ["in_progress"]),
        Stage(key: "resolved", vi: "Đã xử lý xong", en: "Resolved", terminal: true, moves: ["in_progress"]),
        Stage(key: "cancelled", vi: "Đã hủy", en: "Cancelled", terminal: true),
    ]

    /// The editor's form fields for `stages` (all visible), removing `remove`, plus `extra` fields.
    static func form(_ stages: [Stage], remove: Set<String> = [], extra: [(String, String)] = []) -> [(String, String)] {
        var fields = [("name_vi", "Yêu cầu hỗ trợ"), ("name_en", "Support request")]
        for (index, stage) in stages.enumerated() {
            fields += [
                ("stage", stage.key), ("position.\(stage.key)", "\(index + 1)"), ("name_vi.\(stage.key)", stage.vi),
                ("name_en.\(stage.key)", stage.en), ("visible.\(stage.key)", "on"),
            ]
            if stage.terminal { fields.append(("terminal.\(stage.key)", "on")) }
            if remove.contains(stage.key) { fields.append(("remove.\(stage.key)", "on")) }
            fields += stage.moves.map { ("moves.\(stage.key)", $0) }
        }
        return fields + extra
    }

    @Test("a stage with tickets cannot go; a new stage joins with its moves, a stage is renamed and one removed; tickets follow the new moves")
    func editSupportWorkflow() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await PortalFixtures.staff(tenant, "minh")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            var agent = try await PageVisitor.signedIn(client, tenant, username: "minh")
            #expect(try await agent.get("staff/workflows/support").status == .forbidden)
            var admin = try await PageVisitor.signedIn(client, tenant, username: "lan")
            let list = try await admin.get("staff/workflows")
            #expect(list.text.contains("href=\"/t/\(tenant.slug)/staff/workflows/support\">Yêu cầu hỗ trợ</a>"))
            #expect(try await admin.get("staff/workflows/khong_co").status == .notFound)
            let page = try await admin.get("staff/workflows/support")
            #expect(page.text.contains("name=\"moves.received\" value=\"cancelled\" checked"))

            let inUse = try await admin.post("staff/workflows/support", Self.form(Self.shipped, remove: ["received"]))
            #expect(inUse.status == .unprocessableContent)
            #expect(inUse.text.contains("còn 1 phiếu đang ở bước này"))
            #expect(inUse.text.contains("name=\"remove.received\" checked"))

            var edited = Self.shipped
            edited[1].en = "Working on it"
            edited[1].moves.append("+new")
            let newStage: [(String, String)] = [
                ("new_key", "waiting_parts"), ("position.+new", "3"), ("name_vi.+new", "Chờ linh kiện"), ("name_en.+new", "Waiting for parts"),
                ("visible.+new", "on"), ("moves.+new", "in_progress"),
            ]
            let noExit = try await admin.post("staff/workflows/support", Self.form(edited, extra: Array(newStage.dropLast())))
            #expect(noExit.status == .unprocessableContent && noExit.text.contains("Chờ linh kiện"))
            #expect(noExit.text.contains("value=\"waiting_parts\""))

            let saved = try await admin.post("staff/workflows/support", Self.form(edited, remove: ["cancelled"], extra: newStage))
            #expect(saved.status == .seeOther)
            let workflows = try await api.call(.get, "/workflows?lang=en", token: token).json["workflows"] as? [[String: Any]] ?? []
            let support = try #require(workflows.first { $0["type"] as? String == "support" })
            let stages = (support["stages"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
            #expect(stages == ["received", "in_progress", "waiting_parts", "waiting_customer", "resolved"])
            #expect((support["stages"] as? [[String: Any]])?[1]["name"] as? String == "Working on it")

            let staff = try await api.staffSession("minh")
            try await api.move(code, staff: staff, through: ["in_progress", "waiting_parts", "in_progress"])
            #expect(try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "cancelled"]).status != .ok)

            let firstFinal = try await admin.post(
                "staff/workflows/support",
                Self.form([Stage(key: "received", vi: "Đã tiếp nhận", en: "Received", terminal: true)] + edited.dropFirst())
            )
            #expect(firstFinal.status == .unprocessableContent && firstFinal.text.contains("Bước đầu tiên"))
            let twice = try await admin.post(
                "staff/workflows/support",
                Self.form(edited, extra: [("new_key", "resolved"), ("name_vi.+new", "Xong")])
            )
            #expect(twice.status == .unprocessableContent && twice.text.contains("Bước &#39;resolved&#39; bị trùng"))
        }
    }

    @Test("a workflow changed elsewhere (another instance, portal-admin, SQL by hand) is served new within moments, not after the memo's backstop")
    func changeElsewhereIsHeard() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            @Sendable func firstStageName() async throws -> String? {
                let workflows = try await api.call(.get, "/workflows?lang=en", token: token).json["workflows"] as? [[String: Any]] ?? []
                let support = workflows.first { $0["type"] as? String == "support" }
                return (support?["stages"] as? [[String: Any]])?.first?["name"] as? String
            }
            #expect(try await firstStageName() == "Received")
            // Another writer, straight in the tenant's schema: this instance learns of it only by the notification.
            try await TestDatabase.asService { service in
                try await service.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.query(
                        "UPDATE workflow_stages SET name_en = 'Got it' WHERE ticket_type = 'support' AND stage = 'received'",
                        logger: TestDatabase.logger
                    )
                }
            }
            var seen = try await firstStageName()
            for _ in 0..<100 where seen != "Got it" {  // 5 s at most; the memo itself would keep the old name for 60 s
                try await Task.sleep(for: .milliseconds(50))
                seen = try await firstStageName()
            }
            #expect(seen == "Got it")
        }
    }
}
