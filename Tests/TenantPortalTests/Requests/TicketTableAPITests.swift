import Foundation
import HTTPTypes
import PGStore
import PortalTestSupport
import PostgresNIO
import Testing

@testable import TenantPortal

/// The staff's ticket list through the API (B13, issue 18): search, filters, orders with their
/// cursors, and acting on many tickets at once.
@Suite("The staff's ticket table through the API")
struct TicketTableAPITests {
    static func codes(_ reply: APIClient.Reply) -> [String] {
        (reply.json["tickets"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    /// Every ticket's code in `sort`'s order, paging with the cursors the list hands out (at most
    /// `pages` pages of `pageSize`).
    static func every(_ sort: String, pageSize: Int, pages: Int, api: APIClient, token: String) async throws -> [String] {
        var all: [String] = []
        var cursor: String?
        for _ in 0..<pages {
            let reply = try await api.call(.get, "/tickets?sort=\(sort)&limit=\(pageSize)" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
            #expect(reply.status == .ok, "sort=\(sort)")
            all += codes(reply)
            cursor = reply.json["next_cursor"] as? String
            if cursor == nil { break }
        }
        return all
    }

    @Test("search ignores case and Vietnamese diacritics (đ too) across title, content, contact and the conversation; customers may not search")
    func search() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "giang")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("giang")
            let invoice = try await api.file(token: customer, title: "Không in được hóa đơn đỏ")
            let network = try await api.file(token: customer, title: "Mất kết nối mạng", email: "duc@anphat.vn", phone: "0987654321")
            let other = try await api.file(token: customer, title: "Đổi mật khẩu")
            let numbered = try await api.file(token: customer, title: "Phiếu số 07")
            _ = try await api.call(.post, "/tickets/\(network)/notes", token: staff, json: ["text": "Đã gọi lại cho anh Đức ở chi nhánh Đà Nẵng"])
            func found(_ q: String) async throws -> [String] {
                let query = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let reply = try await api.call(.get, "/tickets?q=\(query)", token: staff)
                #expect(reply.status == .ok, "q=\(q)")
                return Self.codes(reply)
            }
            #expect(try await found("khong in duoc hoa don") == [invoice])
            // Every ticket's content says "hóa đơn đỏ": the words match the content as well as the title.
            #expect(try await found("HOA DON DO").count == 4)
            #expect(try await found("KHONG IN DUOC") == [invoice])
            #expect(try await found("khong in") == [invoice])
            // đ folds to d, in a note as in the title.
            #expect(try await found("da nang") == [network])
            #expect(try await found("doi mat") == [other])
            // The contact as typed: phone and email.
            #expect(try await found("0987654321") == [network])
            #expect(try await found("duc@anphat.vn") == [network])
            // The code, whole or in part.
            #expect(try await found(invoice) == [invoice])
            #expect(try await found("khong co gi nhu the") == [])
            #expect(try await found("phieu so 07") == [numbered])
            // As a GET form sends it: spaces as `+`.
            #expect(Self.codes(try await api.call(.get, "/tickets?q=phieu+so+07", token: staff)) == [numbered])
            // Every word must match: words from two tickets find neither.
            #expect(try await found("mang doi") == [])
            let asCustomer = try await api.call(.get, "/tickets?q=hoa", token: customer)
            #expect(asCustomer.status == .forbidden)
            #expect(asCustomer.errorCode == "forbidden")
        }
    }

    @Test("sort by code, priority or last update in either direction, paging with its cursor; a cursor of another order is refused")
    func sorting() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hai")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("hai")
            var filed: [String] = []
            for index in 0..<5 { filed.append(try await api.file(token: customer, title: "Phiếu số \(index)")) }
            // A change moves a ticket to the front of "last updated".
            _ = try await api.call(.post, "/tickets/\(filed[1])/notes", token: staff, json: ["text": "Xem lại"])
            func pages(_ sort: String) async throws -> [String] { try await Self.every(sort, pageSize: 2, pages: 10, api: api, token: staff) }
            #expect(try await pages("code") == filed)
            #expect(try await pages("-code") == filed.reversed())
            #expect(try await pages("-updated").first == filed[1])
            #expect(try await pages("updated").last == filed[1])
            #expect(Set(try await pages("priority")) == Set(filed))
            #expect(Set(try await pages("due")) == Set(filed))
            let first = try await api.call(.get, "/tickets?sort=code&limit=2", token: staff)
            let cursor = try #require(first.json["next_cursor"] as? String)
            let mixed = try await api.call(.get, "/tickets?sort=-updated&cursor=\(cursor)", token: staff)
            #expect(mixed.status == .unprocessableContent)
            #expect(mixed.errorField == "cursor")
            let unknown = try await api.call(.get, "/tickets?sort=colour", token: staff)
            #expect(unknown.errorField == "sort")
        }
    }

    @Test("sort by title, customer, contact, assignee and team: names as shown, kept in step when a member or customer is renamed")
    func sortingByName() async throws {
        let tenant = try await PortalFixtures.tenant()
        let saigon = try await PortalFixtures.token(tenant, customer: "Công ty Bia Sài Gòn")
        let anphat = try await PortalFixtures.token(tenant, customer: "An Phát")
        for name in ["binh", "anh"] { try await PortalFixtures.staff(tenant, name) }
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let binh = try await api.staffSession("binh")
            let anh = try await api.staffSession("anh")
            let cable = try await api.file(token: saigon, title: "Cáp mạng đứt", email: "yen@bia.vn")
            let printer = try await api.file(token: anphat, title: "Máy in kẹt giấy", email: "bao@anphat.vn")
            let mail = try await api.file(token: saigon, title: "Thư không gửi được", email: "an@bia.vn")
            _ = try await api.call(.post, "/tickets/bulk", token: binh, json: ["codes": [cable], "action": "assign", "assignee": "binh"])
            _ = try await api.call(.post, "/tickets/bulk", token: anh, json: ["codes": [mail], "action": "assign", "assignee": "anh"])
            func order(_ sort: String) async throws -> [String] { try await Self.every(sort, pageSize: 1, pages: 5, api: api, token: binh) }
            #expect(try await order("title") == [cable, printer, mail])
            #expect(try await order("-title") == [mail, printer, cable])
            // The organisation's name: "An Phát" before "Công ty Bia Sài Gòn"; ties by id.
            #expect(try await order("customer") == [printer, cable, mail])
            // Unassigned first; "Trần Văn anh" before "Trần Văn binh".
            #expect(try await order("assignee") == [printer, mail, cable])
            #expect(Set(try await order("contact")) == Set([cable, printer, mail]))
            #expect(Set(try await order("team")) == Set([cable, printer, mail]))
            #expect(Set(try await order("-stage")) == Set([cable, printer, mail]))
            #expect(Set(try await order("type")) == Set([cable, printer, mail]))
            try await TestDatabase.asAdmin { database in
                try await database.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.query("UPDATE staff_members SET display_name = 'Ánh' WHERE username = 'binh'", logger: TestDatabase.logger)
                    try await connection.query("UPDATE customers SET name = 'Đức Thành' WHERE name = 'An Phát'", logger: TestDatabase.logger)
                }
            }
            // Vietnamese order: "Ánh" with the A's (before "Trần"), "Đức" after "Công" (by code
            // point both would come after every unaccented name).
            #expect(try await order("assignee") == [printer, cable, mail])
            #expect(try await order("-customer") == [printer, mail, cable])
            #expect(try await order("customer") == [cable, mail, printer])
        }
    }

    @Test("open follows the ticket's stage and the workflow's final stages, as they change")
    func openFlag() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "lam")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("lam")
            let (done, waiting) = (try await api.file(token: customer, title: "Xong"), try await api.file(token: customer, title: "Chờ"))
            try await api.move(done, staff: staff)
            func open() async throws -> Set<String> { Set(Self.codes(try await api.call(.get, "/tickets?open=1", token: staff))) }
            #expect(try await open() == [waiting])
            // An administrator makes "resolved" a stage tickets stay open in, then final again.
            for (terminal, expected) in [(false, Set([done, waiting])), (true, Set([waiting]))] {
                try await TestDatabase.asAdmin { database in
                    try await database.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                        try await connection.query(
                            "UPDATE workflow_stages SET terminal = \(terminal) WHERE ticket_type = 'support' AND stage = 'resolved'",
                            logger: TestDatabase.logger
                        )
                    }
                }
                #expect(try await open() == expected)
            }
        }
    }

    @Test("filters by type, team, assignee (or none), priority, customer and service-level state")
    func filters() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "khoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("khoa")
            let first = try await api.file(token: customer, title: "Một")
            let second = try await api.file(token: customer, title: "Hai")
            _ = try await api.call(.post, "/tickets/\(first)/assignment", token: staff, json: ["assignee": "khoa"])
            func found(_ query: String) async throws -> Set<String> {
                let reply = try await api.call(.get, "/tickets?\(query)", token: staff)
                #expect(reply.status == .ok, "\(query)")
                return Set(Self.codes(reply))
            }
            #expect(try await found("assignee=khoa") == [first])
            #expect(try await found("assignee=none") == [second])
            #expect(try await found("assignee=khong-ai") == [])
            #expect(try await found("type=support") == [first, second])
            #expect(try await found("type=repair") == [])
            #expect(try await found("priority=normal,high") == [first, second])
            #expect(try await found("priority=urgent") == [])
            // The tenant's first customer organisation is KH0001.
            #expect(try await found("customer=KH0001") == [first, second])
            #expect(try await found("team=khong-co") == [])
            #expect(try await found("customer=KH9999") == [])
            #expect(try await found("sla=overdue") == [])
            #expect(try await found("stage=received") == [first, second])
            #expect(try await found("stage=in_progress") == [])
            let badPriority = try await api.call(.get, "/tickets?priority=khan", token: staff)
            #expect(badPriority.errorField == "priority")
            let badState = try await api.call(.get, "/tickets?sla=late", token: staff)
            #expect(badState.errorField == "sla")
        }
    }

    @Test("bulk: each ticket changed on its own; the answer says per ticket what was done or why not, nothing half-done")
    func bulk() async throws {
        let tenant = try await PortalFixtures.tenant()
        let customer = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "lam")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("lam")
            let fresh = try await api.file(token: customer, title: "Mới")
            let started = try await api.file(token: customer, title: "Đang làm")
            let cancelled = try await api.file(token: customer, title: "Đã hủy")
            try await api.move(started, staff: staff, through: ["in_progress"])
            try await api.move(cancelled, staff: staff, through: ["cancelled"])
            let moved = try await api.call(
                .post,
                "/tickets/bulk",
                token: staff,
                json: ["codes": [fresh, started, cancelled, "HT-999999"], "action": "move", "to": "in_progress"]
            )
            #expect(moved.status == .ok)
            let results = moved.json["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["code"] as? String } == [fresh, started, cancelled, "HT-999999"])
            #expect(results.map { $0["ok"] as? Bool } == [true, false, false, false])
            #expect(
                results.compactMap { ($0["error"] as? [String: Any])?["code"] as? String } == [
                    "transition_not_allowed", "transition_not_allowed", "not_found",
                ]
            )
            // The refused ones are as they were.
            let stageOf = { (code: String) async throws -> String? in
                ((try await api.call(.get, "/tickets/\(code)", token: staff)).json["stage"] as? [String: Any])?["key"] as? String
            }
            #expect(try await stageOf(fresh) == "in_progress")
            #expect(try await stageOf(cancelled) == "cancelled")
            let assigned = try await api.call(
                .post,
                "/tickets/bulk",
                token: staff,
                json: ["codes": [fresh, started], "action": "assign", "assignee": "lam"]
            )
            #expect((assigned.json["results"] as? [[String: Any]] ?? []).allSatisfy { $0["ok"] as? Bool == true })
            #expect(Set(Self.codes(try await api.call(.get, "/tickets?assignee=lam", token: staff))) == [fresh, started])
            let noted = try await api.call(.post, "/tickets/bulk", token: staff, json: ["codes": [fresh], "action": "note", "text": "Đã gộp"])
            #expect((noted.json["results"] as? [[String: Any]])?.first?["ok"] as? Bool == true)
            let refused = try await api.call(.post, "/tickets/bulk", token: staff, json: ["codes": [fresh], "action": "close"])
            #expect(refused.errorField == "action")
            let empty = try await api.call(.post, "/tickets/bulk", token: staff, json: ["codes": [], "action": "note", "text": "x"])
            #expect(empty.errorField == "codes")
            #expect(
                try await api.call(.post, "/tickets/bulk", token: customer, json: ["codes": [fresh], "action": "note", "text": "x"]).status
                    == .forbidden
            )
        }
    }
}
