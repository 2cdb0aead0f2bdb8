import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore
@testable import TenantPortal

@Suite("Filing and following requests through the API")
struct TicketAPITests {
    @Test("a customer files a request and gets its code; reading it shows the stage in the reader's language")
    func fileAndRead() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let created = try await api.call(
                .post,
                "/tickets",
                token: token,
                json: APIClient.request(email: " Lan@AnPhat.VN ", phone: "+84 912 345 678")
            )
            #expect(created.status == .created)
            let code = try #require(created.json["code"] as? String)
            #expect(code.wholeMatch(of: /HT-\d{6}/) != nil)
            #expect((created.json["contact"] as? [String: Any])?["email"] as? String == "lan@anphat.vn")
            #expect((created.json["contact"] as? [String: Any])?["phone"] as? String == "0912345678")
            let read = try await api.call(.get, "/tickets/\(code)", token: token)
            #expect(read.status == .ok)
            #expect((read.json["stage"] as? [String: Any])?["name"] as? String == "Đã tiếp nhận")
            let english = try await api.call(.get, "/tickets/\(code)?lang=en", token: token)
            #expect((english.json["stage"] as? [String: Any])?["name"] as? String == "Received")
        }
    }

    @Test("bad requests are refused field by field, in Vietnamese by default, and nothing is stored")
    func validation() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            var noContact = APIClient.request()
            noContact["contact"] = nil
            let missing = try await api.call(.post, "/tickets", token: token, json: noContact)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.errorField == "contact.name")
            #expect(missing.errorMessage == "Vui lòng nhập họ tên người liên hệ.")
            let badEmail = try await api.call(.post, "/tickets?lang=en", token: token, json: APIClient.request(email: "lan@"))
            #expect(badEmail.errorField == "contact.email")
            #expect(badEmail.errorMessage.hasPrefix("That email address is not valid"))
            let badPhone = try await api.call(.post, "/tickets", token: token, json: APIClient.request(phone: "12345"))
            #expect(badPhone.errorField == "contact.phone")
            let notJSON = try await client.execute(
                uri: "/t/\(tenant.slug)/api/v1/tickets",
                method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: "{\"title\":")
            ) { $0.status }
            #expect(notJSON == .badRequest)
            let list = try await api.call(.get, "/tickets", token: token)
            #expect((list.json["tickets"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("quotes, SQL and Vietnamese text are stored and shown back exactly")
    func verbatimText() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        let title = #"Lỗi "in ấn"'; DROP TABLE tickets; -- <script>alert(1)</script> \ Đặng Thị Ngọc Ánh"#
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token, title: title)
            let read = try await api.call(.get, "/tickets/\(code)", token: token)
            #expect(read.json["title"] as? String == title)
        }
    }

    @Test("a retried POST with the same Idempotency-Key returns the same ticket, never a second one")
    func idempotency() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "retry-123"]
            let first = try await api.call(.post, "/tickets", token: token, json: APIClient.request(), headers: key)
            let second = try await api.call(.post, "/tickets", token: token, json: APIClient.request(), headers: key)
            #expect(first.status == .created)
            #expect(second.status == .ok)
            #expect(first.json["code"] as? String == second.json["code"] as? String)
            let list = try await api.call(.get, "/tickets", token: token)
            #expect((list.json["tickets"] as? [Any])?.count == 1)
            // The same key with another request is a client's mistake, said so, and files nothing.
            let other = try await api.call(.post, "/tickets?lang=en", token: token, json: APIClient.request(title: "Một yêu cầu khác"), headers: key)
            #expect(other.status == .unprocessableContent)
            #expect(other.errorField == "Idempotency-Key")
            #expect(other.errorMessage.hasPrefix("This Idempotency-Key was used for a different request"))
            #expect((try await api.call(.get, "/tickets", token: token).json["tickets"] as? [Any])?.count == 1)
        }
    }

    @Test("two first tries with one Idempotency-Key at once make one ticket, and both answer with it")
    func idempotencyAtOnce() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "at-once"]
            let answers = try await withThrowingTaskGroup(of: APIClient.Reply.self) { group in
                for _ in 0..<6 { group.addTask { try await api.call(.post, "/tickets", token: token, json: APIClient.request(), headers: key) } }
                return try await group.reduce(into: [APIClient.Reply]()) { $0.append($1) }
            }
            #expect(answers.map(\.status.code).sorted() == [200, 200, 200, 200, 200, 201])
            #expect(Set(answers.compactMap { $0.json["code"] as? String }) == ["HT-000001"])
            let list = try await api.call(.get, "/tickets", token: token)
            #expect((list.json["tickets"] as? [Any])?.count == 1)
        }
    }

    @Test("a contact is reused within its customer only: another organisation typing the same phone gets its own contact")
    func contactsPerCustomer() async throws {
        let tenant = try await PortalFixtures.tenant()
        let first = try await PortalFixtures.token(tenant, customer: "Công ty A")
        let second = try await PortalFixtures.token(tenant, customer: "Công ty B")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            func contact(_ token: String, email: String, phone: String) async throws -> [String: Any] {
                let created = try await api.call(.post, "/tickets", token: token, json: APIClient.request(email: email, phone: phone))
                #expect(created.status == .created)
                return created.json["contact"] as? [String: Any] ?? [:]
            }
            let theirs = try await contact(first, email: "lan@a.vn", phone: "0912345678")
            let other = try await contact(second, email: "mai@b.vn", phone: "0912345678")
            #expect(theirs["email"] as? String == "lan@a.vn")
            #expect(other["email"] as? String == "mai@b.vn")
            // The ticket keeps the details as typed, even when its email finds a stored contact.
            let again = try await contact(first, email: "LAN@a.vn", phone: "0987654321")
            #expect(again["phone"] as? String == "0987654321")
        }
    }

    @Test("a ticket keeps the contact typed on it: another person's phone on file brings neither their name nor their mail")
    func contactAsTyped() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("hoa")
            func file(_ name: String, _ email: String, _ phone: String) async throws -> (code: String, contact: [String: Any]) {
                var request = APIClient.request(email: email, phone: phone)
                request["contact"] = ["name": name, "email": email, "phone": phone]
                let created = try await api.call(.post, "/tickets", token: staff, json: request)
                #expect(created.status == .created)
                return (created.json["code"] as? String ?? "", created.json["contact"] as? [String: Any] ?? [:])
            }
            let owner = try await file("Nguyễn Văn An", "an@example.vn", "0912345678")
            let other = try await file("Trần Thị Bình", "binh@example.vn", "0912345678")
            #expect(other.contact["name"] as? String == "Trần Thị Bình")
            #expect(other.contact["email"] as? String == "binh@example.vn")
            // The same phone and the same name ignoring case and diacritics: the stored contact is
            // reused (history), and the ticket still shows the email typed on it.
            let same = try await file("nguyen van AN", "an.moi@example.vn", "0912345678")
            #expect(same.contact["email"] as? String == "an.moi@example.vn")
            #expect(same.contact["name"] as? String == "nguyen van AN")
            let (recipients, contactIDs) = try await TestDatabase.asAdmin { admin in
                try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    (
                        try await connection.rows(
                            "SELECT recipient FROM platform.outbox WHERE ticket_code = \(other.code)",
                            as: String.self,
                            logger: TestDatabase.logger
                        ),
                        try await connection.rows(
                            "SELECT contact_id FROM tickets WHERE code = ANY(\([owner.code, other.code, same.code])) ORDER BY code",
                            as: Int.self,
                            logger: TestDatabase.logger
                        )
                    )
                }
            }
            #expect(!recipients.contains("an@example.vn"))
            #expect(recipients.allSatisfy { $0 == "binh@example.vn" })
            #expect(contactIDs.count == 3 && contactIDs[0] == contactIDs[2] && contactIDs[0] != contactIDs[1])
        }
    }

    @Test("codes grow past six digits instead of wrapping onto old ones")
    func sevenDigitCodes() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            #expect(try await api.file(token: token) == "HT-000001")
            try await TestDatabase.asAdmin { database in
                try await database.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.query("UPDATE ticket_counters SET last_number = 999998", logger: TestDatabase.logger)
                }
            }
            #expect(try await api.file(token: token) == "HT-999999")
            #expect(try await api.file(token: token) == "HT-1000000")
            #expect(try await api.file(token: token) == "HT-1000001")
            #expect(try await api.call(.get, "/tickets/HT-1000000", token: token).status == .ok)
        }
    }

    @Test("codes have no gaps and no duplicates when requests arrive at once")
    func concurrentCodes() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<12 {
                    group.addTask { try await api.file(token: token, email: "khach\(index)@anphat.vn", phone: "09000000\(10 + index)") }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(codes.sorted() == (1...12).map { String(format: "HT-%06d", $0) })
        }
    }

    @Test("another customer's ticket answers 404 like a missing one; a token of another tenant is refused")
    func otherCustomers() async throws {
        let tenant = try await PortalFixtures.tenant()
        let other = try await PortalFixtures.tenant()
        let mine = try await PortalFixtures.token(tenant, customer: "Công ty A")
        let theirs = try await PortalFixtures.token(tenant, customer: "Công ty B")
        let foreign = try await PortalFixtures.token(other, customer: "Công ty A")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: mine)
            let missing = try await api.call(.get, "/tickets/HT-999999", token: theirs)
            let hidden = try await api.call(.get, "/tickets/\(code)", token: theirs)
            #expect(hidden.status == .notFound)
            #expect(hidden.body == missing.body)
            let list = try await api.call(.get, "/tickets", token: theirs)
            #expect((list.json["tickets"] as? [Any])?.isEmpty == true)
            #expect(try await api.call(.get, "/tickets/\(code)", token: foreign).status == .unauthorized)
        }
    }

    @Test("a revoked or rotated token, and an expired session, are refused")
    func revokedAndExpired() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant, customer: "Công ty C")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let session = try await api.call(.post, "/sessions", json: ["token": token])
            #expect(session.status == .created)
            let sessionToken = try #require(session.json["token"] as? String)
            #expect(try await api.call(.get, "/me", token: sessionToken).status == .ok)
            let rotated = try await TestDatabase.asAdmin { admin in
                try await Accounts(database: admin).rotateToken(tenant: tenant, customer: "Công ty C", logger: TestDatabase.logger).token
            }
            // Changed by another process (as portal-admin would): this instance hears of it from the database.
            #expect(try await APIClient.eventually(.unauthorized) { try await api.call(.get, "/me", token: token) })
            #expect(try await APIClient.eventually(.unauthorized) { try await api.call(.get, "/me", token: sessionToken) })
            #expect(try await api.call(.get, "/me", token: rotated).status == .ok)
            try await TestDatabase.asAdmin { admin in
                try await Accounts(database: admin).revokeToken(tenant: tenant, customer: "Công ty C", logger: TestDatabase.logger)
            }
            #expect(try await APIClient.eventually(.unauthorized) { try await api.call(.get, "/me", token: rotated) })

            try await PortalFixtures.staff(tenant, "an")
            let staff = try await api.staffSession("an")
            try await TestDatabase.asAdmin { admin in
                try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.query("UPDATE sessions SET expires_at = now() - interval '1 second'", logger: TestDatabase.logger)
                }
            }
            #expect(try await APIClient.eventually(.unauthorized) { try await api.call(.get, "/me", token: staff) })
            let expired = try await api.call(.get, "/me", token: staff)
            #expect(expired.errorCode == "unauthenticated")
        }
    }

    @Test("signing out on one instance ends the session on another that had it in memory")
    func signOutAcrossInstances() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "an")
        try await withPortal { first in
            try await withPortal { second in
                let one = APIClient(client: first, tenant: tenant)
                let other = APIClient(client: second, tenant: tenant)
                let session = try await one.staffSession("an")
                #expect(try await one.call(.get, "/me", token: session).status == .ok)
                #expect(try await other.call(.get, "/me", token: session).status == .ok)
                #expect(try await one.call(.delete, "/sessions/current", token: session).status == .noContent)
                #expect(try await one.call(.get, "/me", token: session).status == .unauthorized)
                #expect(try await APIClient.eventually(.unauthorized) { try await other.call(.get, "/me", token: session) })
            }
        }
    }

    @Test("signing out through the API expires the session cookie, with the attributes it was set with")
    func signOutExpiresCookie() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "an")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let signedIn = try await api.call(.post, "/sessions", json: ["username": "an", "password": PortalFixtures.staffPassword])
            let setCookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName + "=") })
            let cookie: HTTPFields = [.cookie: String(setCookie.split(separator: ";")[0])]
            #expect(try await api.call(.get, "/me", headers: cookie).status == .ok)
            let out = try await api.call(.delete, "/sessions/current", headers: cookie)
            #expect(out.status == .noContent)
            let expired = try #require(out.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName + "=") })
            #expect(expired.hasPrefix("\(BearerMiddleware.cookieName)=;"))
            #expect(expired.contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"))
            #expect(expired.contains("Path=/t/\(tenant.slug)/") && expired.contains("HttpOnly") && expired.contains("SameSite=Lax"))
            #expect(try await api.call(.get, "/me", headers: cookie).status == .unauthorized)
        }
    }

    @Test("a session cookie whose session ended counts as no cookie: signing in and rating work, the rest answers 401")
    func staleCookieIgnored() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "an")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let credentials = ["username": "an", "password": PortalFixtures.staffPassword]
            let ended = try await api.staffSession("an")
            #expect(try await api.call(.delete, "/sessions/current", token: ended).status == .noContent)
            for cookie: HTTPFields in [[.cookie: "\(BearerMiddleware.cookieName)=\(ended)"], [.cookie: "\(BearerMiddleware.cookieName)=tp_khong_co"]]
            {
                #expect(try await api.call(.post, "/sessions", json: credentials, headers: cookie).status == .created)
                let rating = try await api.call(
                    .post,
                    "/tickets/HT-000001/rating",
                    json: ["key": "garbage", "handling": 5, "attitude": 5],
                    headers: cookie
                )
                #expect(rating.errorCode == "link_invalid")
                let me = try await api.call(.get, "/me", headers: cookie)
                #expect(me.status == .unauthorized)
                #expect(me.errorCode == "unauthenticated")
            }
            // A stale token sent on purpose is still refused.
            #expect(try await api.call(.post, "/sessions", token: ended, json: credentials).status == .unauthorized)
        }
    }

    @Test("the status filter reads each stage in its own workflow: a stage hidden in one and shown in another finds only what the filer is shown")
    func statusFilterPerWorkflow() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "it,hr")
        // An employee, who may file both support and HR requests, and sees what customers see.
        try await PortalFixtures.portalUser(tenant, "nv01", kind: "employee")
        try await PortalFixtures.staff(tenant, "hoa")
        // Support hides its "in_progress"; HR shows its own stage of that name.
        try await TestDatabase.asAdmin { database in
            try await database.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                try await connection.query(
                    "UPDATE workflow_stages SET customer_visible = false WHERE ticket_type = 'support' AND stage = 'in_progress'",
                    logger: TestDatabase.logger
                )
            }
        }
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("hoa")
            let token = try await api.staffSession("nv01")
            let support = try await api.file(token: token)
            var hr = APIClient.request(title: "Xin xác nhận ngày phép")
            hr["type"] = "hr_request"
            let request = try #require(try await api.call(.post, "/tickets", token: token, json: hr).json["code"] as? String)
            try await api.move(support, staff: staff, through: ["in_progress"])
            try await api.move(request, staff: staff, through: ["in_progress"])
            func codes(_ status: String, _ token: String) async throws -> [String] {
                let list = try await api.call(.get, "/tickets?status=\(status)", token: token)
                return (list.json["tickets"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            }
            #expect(try await codes("in_progress", token) == [request])
            #expect(try await codes("received", token) == [support])
            #expect(Set(try await codes("in_progress", staff)) == [support, request])
        }
    }

    @Test("a customer never sees a hidden stage: not in the timeline of a move out of it, and not through the status filter")
    func hiddenStage() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            var complaint = APIClient.request(title: "Nhân viên trả lời thiếu lịch sự")
            complaint["type"] = "complaint"
            let code = try #require(try await api.call(.post, "/tickets", token: token, json: complaint).json["code"] as? String)
            let staff = try await api.staffSession("hoa")
            try await api.move(code, staff: staff, through: ["investigating", "escalated"])

            let byHidden = try await api.call(.get, "/tickets?status=escalated", token: token)
            #expect(byHidden.status == .ok)
            #expect((byHidden.json["tickets"] as? [Any])?.isEmpty == true)
            #expect(byHidden.body == (try await api.call(.get, "/tickets?status=khong-co", token: token)).body)
            let forStaff = try await api.call(.get, "/tickets?status=escalated", token: staff)
            #expect((forStaff.json["tickets"] as? [[String: Any]])?.map { $0["code"] as? String } == [code])
            var customer = try await PageVisitor.signedIn(client, tenant, token: token)
            let page = try await customer.get("requests?status=escalated")
            #expect(page.status == .ok && !page.text.contains(code))
            // Shown to the customer as "investigating", it is found by that stage, like one really in it.
            let byShown = try await api.call(.get, "/tickets?status=investigating", token: token)
            #expect((byShown.json["tickets"] as? [[String: Any]])?.map { $0["code"] as? String } == [code])
            #expect(try await customer.get("requests?status=investigating").text.contains(code))

            try await api.move(code, staff: staff, through: ["investigating"])
            let read = try await api.call(.get, "/tickets/\(code)?lang=en", token: token)
            let moves = (read.json["timeline"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "transition" }
            #expect(moves.map { ($0["from"] as? [String: Any])?["key"] as? String } == ["received", "investigating"])
            #expect(moves.map { ($0["to"] as? [String: Any])?["key"] as? String } == ["investigating", "investigating"])
            let text = String(decoding: read.body, as: UTF8.self)
            #expect(!text.contains("escalated") && !text.contains("Escalated"))
            let staffRead = try await api.call(.get, "/tickets/\(code)", token: staff)
            let staffMoves = (staffRead.json["timeline"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "transition" }
            #expect(staffMoves.map { ($0["from"] as? [String: Any])?["key"] as? String } == ["received", "investigating", "escalated"])
            let detail = try await customer.get("requests/\(code)")
            #expect(detail.status == .ok && !detail.text.contains("Đã chuyển cấp quản lý"))
        }
    }

    @Test("a date filter with a month or day the calendar does not have is refused, not rolled over")
    func impossibleDates() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            for (field, day) in [
                ("from", "2024-13-01"), ("to", "2024-00-15"), ("from", "2024-02-30"), ("to", "2024-04-31"), ("from", "2024-1-015"),
                ("to", "2024-01-00"),
            ] {
                let reply = try await api.call(.get, "/tickets?\(field)=\(day)&lang=en", token: token)
                #expect(reply.status == .unprocessableContent, "\(field)=\(day)")
                #expect(reply.errorCode == "invalid_field")
                #expect(reply.errorField == field)
                #expect(reply.errorMessage == "Date '\(day)' is not valid: use YYYY-MM-DD.")
            }
            #expect(try await api.call(.get, "/tickets?from=2024-02-29&to=2024-12-31", token: token).status == .ok)
        }
    }

    @Test("/me tells a customer its warranty and its own administrators")
    func me() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(
            tenant,
            customer: "Công ty D",
            warrantyUntil: Date().addingTimeInterval(30 * 86_400),
            admins: [Customer.Admin(name: "Phạm Quốc Huy", email: "huy@congtyd.vn", phone: "0987654321")]
        )
        let expired = try await PortalFixtures.token(tenant, customer: "Công ty H", warrantyUntil: Date().addingTimeInterval(-2 * 86_400))
        try await withPortal { client in
            let me = try await APIClient(client: client, tenant: tenant).call(.get, "/me", token: token)
            #expect(me.json["kind"] as? String == "customer")
            let customer = try #require(me.json["customer"] as? [String: Any])
            #expect(customer["name"] as? String == "Công ty D")
            #expect(customer["in_warranty"] as? Bool == true)
            #expect((customer["admins"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Phạm Quốc Huy"])
            let lapsed = try await APIClient(client: client, tenant: tenant).call(.get, "/me", token: expired)
            #expect((lapsed.json["customer"] as? [String: Any])?["in_warranty"] as? Bool == false)
        }
    }
}
