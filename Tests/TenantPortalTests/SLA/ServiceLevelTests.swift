import Foundation
import HTTPTypes
import Mustache
import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore
@testable import TenantPortal

/// Service levels on real tickets (PRODUCT.md B10): due times from the tenant's calendar and
/// policies, pauses while waiting on the customer, warnings and breaches raised once.
@Suite("Service levels")
struct ServiceLevelTests {
    static let logger = TestDatabase.logger

    /// A tenant open around the clock (business time is real time, so expectations are exact), its
    /// lead `hoa` with an email address (given in any case and with spaces), and tickets in team `ho-tro`.
    static func tenant() async throws -> (Tenant, token: String) {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await TestDatabase.asAdmin { admin in
            let accounts = Accounts(database: admin)
            await #expect(throws: Accounts.Failure.invalid(.emailInvalid)) {
                try await accounts.createStaff(
                    tenant: tenant,
                    username: "sai",
                    displayName: nil,
                    role: .agent,
                    team: "",
                    email: "khong-phai-email",
                    password: PortalFixtures.staffPassword,
                    logger: logger
                )
            }
            try await accounts.createStaff(
                tenant: tenant,
                username: "hoa",
                displayName: "Trần Văn hoa",
                role: .agent,
                team: "ho-tro",
                email: " Hoa@\(tenant.slug).TEST ",
                password: PortalFixtures.staffPassword,
                logger: logger
            )
            try await admin.withTenant(tenant.scope, logger: logger) { connection in
                try await ServiceLevelStore().setCalendar(
                    CalendarSettings(weeklyHours: "mon-sun 00:00-24:00", timeZone: nil, holidays: []),
                    on: connection,
                    logger: logger
                )
                try await connection.query(
                    "INSERT INTO teams (name, lead_id) SELECT 'ho-tro', id FROM staff_members WHERE username = 'hoa'",
                    logger: logger
                )
                try await connection.query("ALTER TABLE tickets ALTER COLUMN team SET DEFAULT 'ho-tro'", logger: logger)
            }
        }
        return (tenant, token)
    }

    static func date(_ value: Any?) -> Date? {
        (value as? String).flatMap { try? Date($0, strategy: .iso8601) }
    }

    @Test("a new ticket is due by its priority's targets; waiting on the customer pauses the clock; a public answer stops the first one")
    func dueTimesAndPauses() async throws {
        let (tenant, token) = try await Self.tenant()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let filed = try await api.call(.post, "/tickets", token: token, json: APIClient.request().merging(["priority": "high"]) { $1 })
            let code = try #require(filed.json["code"] as? String)
            let created = try #require(Self.date(filed.json["created_at"]))
            // The default policy for high priority: first answer in 60 minutes, resolution in 480.
            let response = try #require(Self.date(filed.json["first_response_due"]))
            let resolution = try #require(Self.date(filed.json["resolution_due"]))
            #expect(abs(response.timeIntervalSince(created) - 3_600) < 1)
            #expect(abs(resolution.timeIntervalSince(created) - 28_800) < 1)

            let staff = try await api.staffSession("hoa")
            _ = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "in_progress"])
            let waiting = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "waiting_customer"])
            #expect(waiting.json["resolution_due"] == nil)
            try await Task.sleep(for: .milliseconds(1_200))
            let resumed = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "in_progress"])
            let later = try #require(Self.date(resumed.json["resolution_due"]))
            #expect(later.timeIntervalSince(resolution) >= 1)  // business time counts whole seconds
            #expect(later.timeIntervalSince(resolution) < 30)

            let state = try await TestDatabase.asAdmin { admin in
                try await admin.withTenant(tenant.scope, logger: Self.logger) { connection in
                    try #require(try await TicketStore().record(code: code, publicOnly: false, on: connection, logger: Self.logger)).clocks
                }
            }
            // Moving to a stage the customer sees was the first answer.
            #expect(state.firstResponseAt != nil)
            #expect(state.marks.isEmpty)
        }
    }

    @Test("the watch timer waits for the next warning, goes when the ticket is resolved and comes back when it is reopened")
    func watchTimerFollowsTheClocks() async throws {
        let (tenant, token) = try await Self.tenant()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let filed = try await api.call(.post, "/tickets", token: token, json: APIClient.request())
            let code = try #require(filed.json["code"] as? String)
            let created = try #require(Self.date(filed.json["created_at"]))
            let staff = try await api.staffSession("hoa")
            /// Seconds from filing to the ticket's timer, nil when it has none.
            func timer() async throws -> Double? {
                try await TestDatabase.asAdmin { admin in
                    try await admin.withTenant(tenant.scope, logger: Self.logger) { connection in
                        try await connection.rows(
                            "SELECT check_at FROM platform.sla_timers WHERE ticket_id = (SELECT id FROM tickets WHERE code = \(code))",
                            as: Date.self,
                            logger: Self.logger
                        ).first.map { $0.timeIntervalSince(created) }
                    }
                }
            }
            // Normal priority: the first answer is due in 4 hours, its warning comes at 80%.
            let first = try #require(try await timer())
            #expect(abs(first - 0.8 * 4 * 3_600) < 1)
            // The move to a stage the customer sees answers: the next look is the resolution's warning (80% of 24 hours).
            _ = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "in_progress"])
            let resolution = try #require(try await timer())
            #expect(abs(resolution - 0.8 * 24 * 3_600) < 1)
            _ = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "resolved"])
            #expect(try await timer() == nil)
            _ = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "in_progress"])
            let reopened = try #require(try await timer())
            #expect(reopened >= resolution)
        }
    }

    @Test("reviews raise the warning at 80% and the breach once each: timeline, lead's mail, priority one step up")
    func warningThenBreach() async throws {
        let (tenant, token) = try await Self.tenant()
        let code = try await withPortalCode(tenant: tenant, token: token)
        try await TestDatabase.asService { service in
            let desk = try Self.desk(service)
            let reviews: [(hours: Double, kinds: [String], priority: String)] = [
                (3, [], "normal"),  // 3 of the 4 hours to a first answer: on track
                (3.3, ["sla_warning"], "normal"),  // 82.5%
                (3.5, ["sla_warning"], "normal"),  // no second warning
                (4.1, ["sla_warning", "sla_breach"], "high"),
                (5, ["sla_warning", "sla_breach"], "high"),  // the breach is not raised again at the new priority
            ]
            for review in reviews {
                let (kinds, priority) = try await service.withTenant(tenant.scope, logger: Self.logger) { connection in
                    let before = try #require(try await TicketStore().record(code: code, publicOnly: false, on: connection, logger: Self.logger))
                    let workflows = try await WorkflowStore().all(on: connection, logger: Self.logger)
                    let reviewed = try await desk.serviceLevels.review(
                        before,
                        workflows: workflows,
                        tenant: tenant,
                        on: connection,
                        logger: Self.logger,
                        now: before.ticket.createdAt.addingTimeInterval(review.hours * 3_600)
                    )
                    let record = try #require(try await TicketStore().record(code: code, publicOnly: false, on: connection, logger: Self.logger))
                    // The review answers with the ticket as it stored it (times to the microsecond PostgreSQL keeps).
                    #expect(reviewed.timeline == record.timeline && reviewed.ticket.priority == record.ticket.priority)
                    #expect(reviewed.clocks.marks == record.clocks.marks)
                    let due = try #require(reviewed.ticket.resolutionDue)
                    #expect(abs(due.timeIntervalSince(try #require(record.ticket.resolutionDue))) < 0.001)
                    return (record.timeline.map(\.kind.rawValue).filter { $0.hasPrefix("sla") }, record.ticket.priority)
                }
                #expect(kinds == review.kinds, "at \(review.hours) h")
                #expect(priority == review.priority, "at \(review.hours) h")
            }
            let mail = try await service.withTenant(tenant.scope, logger: Self.logger) { connection in
                try await OutboxStore().list(status: nil, tenantRole: nil, limit: 20, on: connection, logger: Self.logger)
            }
            let toLead = mail.filter { $0.mail.recipient == "hoa@\(tenant.slug).test" }.map(\.mail.textBody)
            #expect(toLead.count == 2)
            #expect(toLead.contains { $0.contains("Sắp đến hạn phản hồi đầu tiên") })
            #expect(toLead.contains { $0.contains("Đã quá hạn phản hồi đầu tiên. Mức ưu tiên được nâng lên high.") })
        }
    }

    @Test("the watch worker finds a ticket whose time came and raises its breach")
    func watchWorker() async throws {
        let (tenant, token) = try await Self.tenant()
        let code = try await withPortalCode(tenant: tenant, token: token)
        try await TestDatabase.asAdmin { admin in
            try await admin.withTenant(tenant.scope, logger: Self.logger) { connection in
                try await connection.query("UPDATE tickets SET created_at = now() - interval '5 hours' WHERE code = \(code)", logger: Self.logger)
                try await connection.query("UPDATE platform.sla_timers SET check_at = now() - interval '1 second'", logger: Self.logger)
            }
        }
        try await TestDatabase.asService { service in
            let desk = try Self.desk(service)
            let watch = ServiceLevelWatch(
                database: service,
                directory: TenantDirectory(catalog: TenantCatalog(database: service)),
                desk: desk,
                logger: Self.logger
            )
            // Other tests' portals run watch workers too, and may take this timer first: look until
            // one of them has reviewed the ticket (at most 5 s).
            var record: TicketRecord?
            for _ in 0..<50 {
                try await watch.reviewDue()
                record = try await service.reading(tenant.scope, logger: Self.logger) { connection in
                    try await TicketStore().record(code: code, publicOnly: false, on: connection, logger: Self.logger)
                }
                if record?.ticket.priority == "high" { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(record?.timeline.map(\.kind).filter { $0 == .slaBreach }.count == 1)
            #expect(record?.ticket.priority == "high")
        }
    }

    @Test("the watch worker's review waits for a change in flight and keeps the first answer it recorded")
    func watchWaitsForChange() async throws {
        let (tenant, token) = try await Self.tenant()
        let code = try await withPortalCode(tenant: tenant, token: token)
        try await TestDatabase.asService { service in
            let desk = try Self.desk(service)
            func record() async throws -> TicketRecord? {
                try await service.reading(tenant.scope, logger: Self.logger) { connection in
                    try await TicketStore().record(code: code, publicOnly: false, on: connection, logger: Self.logger)
                }
            }
            let ticketID = try #require(try await record()).ticket.id
            // A staff answer, still uncommitted, while the worker looks at the ticket.
            let review = try await TestDatabase.asAdmin { admin in
                try await admin.withTenant(tenant.scope, logger: Self.logger) { connection in
                    try await connection.query("UPDATE tickets SET first_response_at = now() WHERE id = \(ticketID)", logger: Self.logger)
                    let review = Task { try await desk.reviewServiceLevels(ticketID: ticketID, tenant: tenant, logger: Self.logger) }
                    try await Task.sleep(for: .milliseconds(300))
                    return review
                }
            }
            try await review.value
            #expect(try await record()?.firstResponseAt != nil)
        }
    }

    @Test("administrators read and replace the calendar and policies; bad hours, zones and gaps are refused with the reason")
    func settings() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let admin = try await api.staffSession("lan")
            let agent = try await api.staffSession("hoa")
            let current = try await api.call(.get, "/settings/service-levels", token: admin)
            #expect(current.json["weekly_hours"] as? String == "mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00")
            #expect((current.json["policies"] as? [Any])?.count == 4)
            #expect(try await api.call(.get, "/settings/service-levels", token: agent).status == .forbidden)

            let policies: [[String: Any]] =
                ["urgent", "high", "normal", "low"].map {
                    ["priority": $0, "first_response_minutes": 30, "resolution_minutes": 120]
                } + [["team": "ho-tro", "priority": "urgent", "first_response_minutes": 10, "resolution_minutes": 60]]
            let good: [String: Any] = [
                "weekly_hours": "mon-fri 07:30-11:30,13:00-17:00", "time_zone": "Asia/Ho_Chi_Minh",
                "holidays": [["day": "2027-02-06", "name": "Tết Nguyên Đán"]], "policies": policies,
            ]
            let refusals: [([String: Any], String, String)] = [
                (good.merging(["weekly_hours": "mon-fri 12:00-08:00"]) { $1 }, "weekly_hours", "12:00-08:00"),
                (good.merging(["time_zone": "Asia/Sai_Gon"]) { $1 }, "time_zone", "Asia/Sai_Gon"),
                (good.merging(["holidays": [["day": "2027-02-30"]]]) { $1 }, "holidays", "2027-02-30"),
                (good.merging(["policies": Array(policies.dropFirst())]) { $1 }, "policies", "urgent"),
                (good.merging(["policies": policies + [policies[0]]]) { $1 }, "policies", "twice"),
            ]
            for (body, field, said) in refusals {
                let reply = try await api.call(.put, "/settings/service-levels", token: admin, json: body, headers: [.acceptLanguage: "en"])
                #expect(reply.status == .unprocessableContent, "\(field)")
                #expect(reply.errorField == field)
                #expect(reply.errorMessage.contains(said), "\(reply.errorMessage)")
            }
            // Nothing of a refused change was stored.
            #expect(
                try await api.call(.get, "/settings/service-levels", token: admin).json["weekly_hours"] as? String == current.json["weekly_hours"]
                    as? String
            )
            let stored = try await api.call(.put, "/settings/service-levels", token: admin, json: good)
            #expect(stored.status == .ok)
            let again = try await api.call(.get, "/settings/service-levels", token: admin)
            #expect(again.json["weekly_hours"] as? String == "mon-fri 07:30-11:30,13:00-17:00")
            #expect((again.json["holidays"] as? [[String: Any]])?.first?["name"] as? String == "Tết Nguyên Đán")
            #expect(
                (again.json["policies"] as? [[String: Any]])?.contains {
                    $0["team"] as? String == "ho-tro" && $0["first_response_minutes"] as? Int == 10
                } == true
            )
        }
    }

    static func desk(_ database: Database) throws -> RequestDesk {
        RequestDesk(database: database, notices: TicketNotices(mail: TicketMail(templates: try MustacheLibrary.embedded()), links: testLinks))
    }

    /// Files one normal-priority ticket through the API and returns its code.
    func withPortalCode(tenant: Tenant, token: String) async throws -> String {
        let box = CodeBox()
        try await withPortal { client in
            await box.set(try await APIClient(client: client, tenant: tenant).file(token: token))
        }
        return await box.code
    }

    actor CodeBox {
        var code = ""
        func set(_ value: String) { code = value }
    }
}
