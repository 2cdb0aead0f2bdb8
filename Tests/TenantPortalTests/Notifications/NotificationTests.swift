import Foundation
import HTTPTypes
import HummingbirdTesting
import Mail
import MailSinkSupport
import PGStore
import PortalTestSupport
import PostgresNIO
import Testing

@testable import TenantPortal

/// Notification mail end to end: the change writes the outbox, a worker delivers to a real SMTP
/// server on loopback, and the completion mail's signed link rates the ticket (PRODUCT.md B8, B9).
/// Serialized: the outbox is shared by every tenant, so a worker started here delivers whatever is
/// due; tests find their own mail by recipient.
@Suite("Notifications and ratings", .serialized)
struct NotificationTests {
    /// Polls until `count` messages to `recipient` arrived (at most 10 s), in arrival order.
    static func mails(to recipient: String, count: Int, in sink: MailSink) async throws -> [ReceivedMail] {
        for _ in 0..<400 {
            let found = try sink.messages().filter { $0.envelopeRecipients == [recipient] }
            if found.count >= count { return found }
            try await Task.sleep(for: .milliseconds(25))
        }
        return try sink.messages().filter { $0.envelopeRecipients == [recipient] }
    }

    static func mail(_ sink: MailSink) -> MailOptions {
        MailOptions(smtp: SMTPSettings(host: sink.host, port: sink.port, startTLS: false), sender: "portal@anphat.test", idlePause: .milliseconds(50))
    }

    /// The one link in `text` that starts with `prefix`.
    static func link(in text: String?, startingWith prefix: String) -> String? {
        text?.split(whereSeparator: \.isWhitespace).map(String.init).first { $0.hasPrefix(prefix) }
    }

    @Test("filing and completing a ticket mail the contact; the completion mail's link rates the ticket once")
    func filedCompletedRated() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await MailSink.run { sink in
            try await withPortal(mail: Self.mail(sink)) { client in
                let api = APIClient(client: client, tenant: tenant)
                let contact = "lan@\(tenant.slug).test"
                let code = try await api.file(token: token, title: "Máy in \"tầng 2\" hỏng", email: contact)
                let filed = try await Self.mails(to: contact, count: 1, in: sink)
                try #require(filed.count == 1)
                #expect(filed[0].subject == "[Công ty Phần mềm An Phát] Đã tiếp nhận yêu cầu \(code): Máy in \"tầng 2\" hỏng")
                #expect(filed[0].text?.contains("Mã yêu cầu: \(code)") == true)
                #expect(filed[0].html?.contains("Máy in &quot;tầng 2&quot; hỏng") == true)
                #expect(filed[0].header("Message-ID")?.hasPrefix("<outbox-") == true)

                let staff = try await api.staffSession("hoa")
                try await api.move(code, staff: staff)
                // "in progress" is not among the stages the tenant wants mail for (none by default).
                let all = try await Self.mails(to: contact, count: 2, in: sink)
                try #require(all.count == 2)
                #expect(all[1].subject == "[Công ty Phần mềm An Phát] Yêu cầu \(code) đã hoàn thành")
                let prefix = "http://portal.test/t/\(tenant.slug)/rate/\(code)?k="
                let link = try #require(Self.link(in: all[1].text, startingWith: prefix))
                let key = String(link.dropFirst(prefix.count))

                let page = try await client.execute(uri: "/t/\(tenant.slug)/rate/\(code)?k=\(key)", method: .get)
                #expect(page.status == .ok)
                #expect(page.text.contains("name=\"handling\""))
                let rated = try await api.call(
                    .post,
                    "/tickets/\(code)/rating",
                    json: ["key": key, "handling": 5, "attitude": 4, "comment": "Rất nhanh"]
                )
                #expect(rated.status == .created)
                let again = try await api.call(.post, "/tickets/\(code)/rating", json: ["key": key, "handling": 1, "attitude": 1])
                #expect(again.status == .conflict)
                #expect(again.errorCode == "already_rated")
                let shown = try await client.execute(uri: "/t/\(tenant.slug)/rate/\(code)?k=\(key)&lang=en", method: .get)
                #expect(shown.text.contains("Thank you for your rating: handling 5/5, attitude 4/5."))
                #expect(!shown.text.contains("<form"))
            }
        }
    }

    @Test("a forged, altered, misdirected or expired rating link is refused with a clear message")
    func badRatingLinks() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            let other = try await api.file(token: token, title: "Phiếu khác")
            let staff = try await api.staffSession("hoa")
            try await api.move(code, staff: staff)
            let good = testLinks.ratingKey(code: code, tenant: tenant.slug, expires: Date().addingTimeInterval(3600))
            let expired = testLinks.ratingKey(code: code, tenant: tenant.slug, expires: Date().addingTimeInterval(-60))
            let forged = PortalLinks(baseURL: "http://x", secret: "another-secret-0123456789abcdefghijk")
                .ratingKey(code: code, tenant: tenant.slug, expires: Date().addingTimeInterval(3600))
            // The last character of a base64 signature carries spare bits: another spelling of the
            // same bytes must not pass either.
            let altered = String(good.dropLast()) + (good.last == "A" ? "B" : "A")
            let middle = good.index(good.startIndex, offsetBy: good.count / 2)
            let alteredInside = good.replacingCharacters(in: middle...middle, with: good[middle] == "x" ? "y" : "x")
            let laterExpiry = good.replacingOccurrences(of: good.split(separator: ".")[0], with: String(Int(Date().timeIntervalSince1970) + 999_999))
            for key in [forged, altered, alteredInside, laterExpiry, "", "garbage", good + "="] {
                let reply = try await api.call(.post, "/tickets/\(code)/rating", json: ["key": key, "handling": 5, "attitude": 5])
                #expect(reply.status == .forbidden, "\(key)")
                #expect(reply.errorCode == "link_invalid")
            }
            // A key for one ticket does not rate another.
            let misdirected = try await api.call(.post, "/tickets/\(other)/rating", json: ["key": good, "handling": 5, "attitude": 5])
            #expect(misdirected.errorCode == "link_invalid")
            let late = try await api.call(
                .post,
                "/tickets/\(code)/rating",
                json: ["key": expired, "handling": 5, "attitude": 5],
                headers: [.acceptLanguage: "en"]
            )
            #expect(late.status == .gone)
            #expect(late.errorMessage == "This rating link has expired.")
            let page = try await client.execute(uri: "/t/\(tenant.slug)/rate/\(code)?k=\(altered)", method: .get)
            #expect(page.status == .forbidden)
            #expect(page.text.contains("Đường dẫn đánh giá không hợp lệ"))
            let outOfRange = try await api.call(.post, "/tickets/\(code)/rating", json: ["key": good, "handling": 6, "attitude": 5])
            #expect(outOfRange.status == .unprocessableContent)
            #expect(outOfRange.errorField == "handling")
            // The open ticket cannot be rated even with a valid key for it.
            let openKey = testLinks.ratingKey(code: other, tenant: tenant.slug, expires: Date().addingTimeInterval(3600))
            let notFinished = try await api.call(.post, "/tickets/\(other)/rating", json: ["key": openKey, "handling": 5, "attitude": 5])
            #expect(notFinished.errorCode == "ticket_not_finished")
        }
    }

    @Test("a rating key whose expiry lies beyond any date is refused like any bad link, and the server goes on answering")
    func ratingKeyBeyondAnyDate() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            for (ticket, key) in [
                ("X", "9223372036854775807.a"), (code, "9223372036854775807.a"), (code, "9223372036854775000.a"), (code, "-9223372036854775808.a"),
            ] {
                let page = try await client.execute(uri: "/t/\(tenant.slug)/rate/\(ticket)?k=\(key)", method: .get)
                #expect(page.status == .forbidden, "\(ticket) \(key)")
                #expect(page.text.contains("Đường dẫn đánh giá không hợp lệ"))
                let rated = try await api.call(.post, "/tickets/\(ticket)/rating", json: ["key": key, "handling": 1, "attitude": 1])
                #expect(rated.status == .forbidden, "\(ticket) \(key)")
                #expect(rated.errorCode == "link_invalid")
            }
            #expect(try await api.call(.get, "/tickets/\(code)", token: token).status == .ok)
        }
    }

    @Test("a poor rating raises the priority one step, goes into the timeline and mails the team lead")
    func poorRatingEscalates() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await TestDatabase.asAdmin { admin in
            try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                try await connection.query(
                    "UPDATE staff_members SET email = \("hoa@\(tenant.slug).test") WHERE username = 'hoa'",
                    logger: TestDatabase.logger
                )
                try await connection.query(
                    "INSERT INTO teams (name, lead_id) SELECT 'ho-tro', id FROM staff_members WHERE username = 'hoa'",
                    logger: TestDatabase.logger
                )
                try await connection.query("ALTER TABLE tickets ALTER COLUMN team SET DEFAULT 'ho-tro'", logger: TestDatabase.logger)
            }
        }
        try await MailSink.run { sink in
            try await withPortal(mail: Self.mail(sink)) { client in
                let api = APIClient(client: client, tenant: tenant)
                let code = try await api.file(token: token)
                let staff = try await api.staffSession("hoa")
                try await api.move(code, staff: staff)
                let key = testLinks.ratingKey(code: code, tenant: tenant.slug, expires: Date().addingTimeInterval(3600))
                let rated = try await api.call(.post, "/tickets/\(code)/rating", json: ["key": key, "handling": 2, "attitude": 4, "comment": "Chậm"])
                #expect(rated.status == .created)
                let ticket = try await api.call(.get, "/tickets/\(code)", token: staff)
                #expect(ticket.json["priority"] as? String == "high")
                let kinds = (ticket.json["timeline"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
                #expect(kinds.suffix(2) == ["rating", "escalation"])
                let customerView = try await api.call(.get, "/tickets/\(code)", token: token)
                #expect((customerView.json["timeline"] as? [[String: Any]])?.contains { $0["kind"] as? String == "escalation" } == false)
                let lead = try #require(try await Self.mails(to: "hoa@\(tenant.slug).test", count: 1, in: sink).first)
                #expect(lead.subject.hasPrefix("[Công ty Phần mềm An Phát] Cần chú ý: \(code)"))
                #expect(lead.text?.contains("chất lượng xử lý 2/5") == true)
            }
        }
    }

    @Test("two delivery workers on separate pools deliver each of 300 messages exactly once")
    func exactlyOnceWithTwoWorkers() async throws {
        let tenant = try await PortalFixtures.tenant()
        let count = 300
        try await TestDatabase.asService { service in
            try await service.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                for number in 1...count {
                    try await OutboxStore().enqueue(
                        OutgoingMail(
                            ticketCode: "HT-\(number)",
                            event: "created",
                            senderName: "An Phát",
                            recipient: "khach\(number)@test.vn",
                            subject: "Thư số \(number)",
                            textBody: "Nội dung \(number)",
                            htmlBody: ""
                        ),
                        on: connection,
                        logger: TestDatabase.logger
                    )
                }
            }
        }
        try await MailSink.run { sink in
            let client = try SMTPClient(settings: SMTPSettings(host: sink.host, port: sink.port, startTLS: false))
            let pools = [
                Database(url: try TestDatabase.serviceURL(), maxConnections: 2, logger: TestDatabase.logger),
                Database(url: try TestDatabase.serviceURL(), maxConnections: 2, logger: TestDatabase.logger),
            ]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for pool in pools {
                    group.addTask { await pool.run() }
                    group.addTask {
                        var worker = MailDelivery(database: pool, client: client, sender: "portal@anphat.test", logger: TestDatabase.logger)
                        worker.batchSize = 20
                        // Other tests' messages may sit in the same outbox; this tenant's are counted below.
                        for _ in 0..<200 where try sink.messages().filter({ $0.subject.hasPrefix("Thư số") }).count < count {
                            try await worker.deliverBatch()
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(200))
                let ours = try await Self.waitForOurs(sink, count: count)
                try await Task.sleep(for: .milliseconds(300))
                group.cancelAll()
                #expect(ours == count)
            }
            let received = try sink.messages().filter { $0.subject.hasPrefix("Thư số") }
            #expect(received.count == count)
            #expect(Set(received.map(\.subject)).count == count)
            #expect(Set(received.compactMap { $0.header("Message-ID") }).count == count)
        }
        let left = try await TestDatabase.asAdmin { admin in
            try await admin.withConnection(logger: TestDatabase.logger) { connection in
                try await OutboxStore().list(
                    status: nil,
                    tenantRole: tenant.slug.schemaName.name,
                    limit: 1000,
                    on: connection,
                    logger: TestDatabase.logger
                )
            }
        }
        #expect(left.count == count && left.allSatisfy { $0.status == .sent && $0.attempts == 1 })
    }

    static func waitForOurs(_ sink: MailSink, count: Int) async throws -> Int {
        for _ in 0..<400 {
            let ours = try sink.messages().filter { $0.subject.hasPrefix("Thư số") }.count
            if ours >= count { return ours }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try sink.messages().filter { $0.subject.hasPrefix("Thư số") }.count
    }

    @Test("a refused recipient is parked at once; a relay that is down leaves mail pending with the reason; retry queues parked mail again")
    func parkingAndRetries() async throws {
        let tenant = try await PortalFixtures.tenant()
        let role = tenant.slug.schemaName.name
        try await TestDatabase.asService { service in
            try await service.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                for recipient in ["ai-do@reject.test", "lan@bia-saigon.test"] {
                    try await OutboxStore().enqueue(
                        OutgoingMail(
                            ticketCode: "HT-1",
                            event: "created",
                            senderName: "An Phát",
                            recipient: recipient,
                            subject: "Xin chào",
                            textBody: "Nội dung",
                            htmlBody: ""
                        ),
                        on: connection,
                        logger: TestDatabase.logger
                    )
                }
            }
        }
        let store = OutboxStore()
        func ours(_ database: Database) async throws -> [OutboxMessage] {
            try await database.withConnection(logger: TestDatabase.logger) { connection in
                try await store.list(status: nil, tenantRole: role, limit: 10, on: connection, logger: TestDatabase.logger)
            }
        }
        try await TestDatabase.asService { service in
            // Nothing listens on this port: both stay pending, tried once, with the reason, and not due again at once.
            let down = try SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: 9, startTLS: false, connectTimeout: .seconds(2)))
            var worker = MailDelivery(database: service, client: down, sender: "portal@anphat.test", logger: TestDatabase.logger)
            worker.batchSize = 1000
            try await worker.deliverBatch()
            let pending = try await ours(service)
            #expect(pending.map(\.status) == [.pending, .pending])
            #expect(pending.allSatisfy { $0.attempts == 1 && $0.lastError != nil && $0.nextAttemptAt > Date().addingTimeInterval(20) })
        }
        try await TestDatabase.asAdmin { admin in
            _ = try await admin.withConnection(logger: TestDatabase.logger) { connection in
                try await connection.query(
                    "UPDATE platform.outbox SET next_attempt_at = now() WHERE tenant_role = \(role)",
                    logger: TestDatabase.logger
                )
            }
        }
        try await MailSink.run { sink in
            try await TestDatabase.asService { service in
                let client = try SMTPClient(settings: SMTPSettings(host: sink.host, port: sink.port, startTLS: false))
                var worker = MailDelivery(database: service, client: client, sender: "portal@anphat.test", logger: TestDatabase.logger)
                worker.batchSize = 1000
                try await worker.deliverBatch()
                let after = try await ours(service).sorted { $0.id < $1.id }
                #expect(after.map(\.status) == [.parked, .sent])
                #expect(after[0].lastError?.contains("550") == true)
                let requeued = try await service.withConnection(logger: TestDatabase.logger) { connection in
                    try await store.retry(ids: nil, tenantRole: role, on: connection, logger: TestDatabase.logger)
                }
                #expect(requeued == 1)
                #expect(try await ours(service).sorted { $0.id < $1.id }.map(\.status) == [.pending, .sent])
            }
        }
    }

    @Test("a worker whose claim ran out cannot write over the newer claim's outcome")
    func staleClaim() async throws {
        let tenant = try await TestDatabase.asAdmin { try await TestDatabase.createTenant($0) }
        let logger = TestDatabase.logger
        try await TestDatabase.asService { service in
            let outbox = OutboxStore()
            let mail = OutgoingMail(
                ticketCode: nil,
                event: "created",
                senderName: "A",
                recipient: "a@test.vn",
                subject: "A",
                textBody: "A",
                htmlBody: ""
            )
            // Not due for a day, so no running worker takes it; the claims below are made by hand.
            try await service.withTenant(tenant.scope, logger: logger) { try await outbox.enqueue(mail, on: $0, logger: logger) }
            let role = tenant.slug.schemaName.name
            func state() async throws -> OutboxMessage? {
                try await service.withConnection(logger: logger) { connection in
                    try await outbox.list(status: nil, tenantRole: role, limit: 1, on: connection, logger: logger).first
                }
            }
            try await service.withConnection(logger: logger) { connection in
                try await connection.query(
                    "UPDATE platform.outbox SET attempts = 1, next_attempt_at = now() + interval '1 day' WHERE tenant_role = \(role)",
                    logger: logger
                )
            }
            let first = try #require(try await state())
            var second = first
            second.attempts = 2
            // The first worker's lease ran out and a second claimed the message.
            try await service.withConnection(logger: logger) { connection in
                try await connection.query("UPDATE platform.outbox SET attempts = 2 WHERE id = \(first.id)", logger: logger)
                try await outbox.park(first, error: "late", on: connection, logger: logger)
            }
            #expect(try await state()?.status == .pending)
            try await service.withConnection(logger: logger) { connection in
                try await outbox.markSent([second], on: connection, logger: logger)
                try await outbox.park(first, error: "late", on: connection, logger: logger)
                try await outbox.retryLater(first, at: Date(), error: "late", on: connection, logger: logger)
            }
            let sent = try await state()
            #expect(sent?.status == .sent && sent?.lastError == nil)
        }
    }

    @Test("a tenant sees and writes only its own outbox rows")
    func outboxIsolation() async throws {
        let (a, b) = try await TestDatabase.asAdmin { admin in
            (try await TestDatabase.createTenant(admin), try await TestDatabase.createTenant(admin))
        }
        try await TestDatabase.asService { service in
            let mail = OutgoingMail(
                ticketCode: nil,
                event: "created",
                senderName: "A",
                recipient: "a@test.vn",
                subject: "A",
                textBody: "A",
                htmlBody: ""
            )
            try await service.withTenant(a.scope, logger: TestDatabase.logger) {
                try await OutboxStore().enqueue(mail, on: $0, logger: TestDatabase.logger)
            }
            let seenByB = try await service.withTenant(b.scope, logger: TestDatabase.logger) { connection in
                try await OutboxStore().list(status: nil, tenantRole: a.slug.schemaName.name, limit: 10, on: connection, logger: TestDatabase.logger)
            }
            #expect(seenByB.isEmpty)
            let seenByA = try await service.withTenant(a.scope, logger: TestDatabase.logger) { connection in
                try await OutboxStore().list(status: nil, tenantRole: nil, limit: 10, on: connection, logger: TestDatabase.logger)
            }
            #expect(seenByA.map(\.tenantRole) == [a.slug.schemaName.name])
            await #expect {
                try await service.withTenant(b.scope, logger: TestDatabase.logger) { connection in
                    try await connection.query(
                        """
                        INSERT INTO platform.outbox (tenant_role, event, sender_name, recipient, subject, text_body, html_body)
                        VALUES (\(a.slug.schemaName.name), 'created', 'x', 'x@test.vn', 'x', 'x', '')
                        """,
                        logger: TestDatabase.logger
                    )
                }
            } throws: { $0.sqlState == "42501" }
            await #expect {
                try await service.withTenant(a.scope, logger: TestDatabase.logger) { connection in
                    try await connection.query("UPDATE platform.outbox SET status = 'sent'", logger: TestDatabase.logger)
                }
            } throws: { $0.sqlState == "42501" }
            // The login itself records delivery outcomes only; the mail stays as the tenant wrote it.
            await #expect {
                try await service.withConnection(logger: TestDatabase.logger) { connection in
                    try await connection.query("UPDATE platform.outbox SET recipient = 'x@evil.test'", logger: TestDatabase.logger)
                }
            } throws: { $0.sqlState == "42501" }
        }
    }
}
