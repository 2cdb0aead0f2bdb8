import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The staff workspace's sign-in and queues (issue 5).
@Suite("Staff workspace pages")
struct StaffPagesTests {
    @Test("signed-out visitors go to the staff sign-in; staff sign in and see their queues with counts; customers are refused")
    func signInAndQueues() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let mine = try await api.file(token: token, title: "Phiếu của Hoa")
            let open = try await api.file(token: token, title: "Phiếu chưa ai nhận")
            let staff = try await api.staffSession("hoa")
            _ = try await api.call(.post, "/tickets/\(mine)/assignment", token: staff, json: ["assignee": "hoa"])

            for path in ["staff", "staff/"] {
                let signedOut = try await client.execute(uri: "/t/\(tenant.slug)/\(path)", method: .get)
                #expect(signedOut.status == .seeOther, "\(path)")
                #expect(signedOut.headers[.location] == "/t/\(tenant.slug)/staff/login")
            }
            let login = try await client.execute(uri: "/t/\(tenant.slug)/staff/login", method: .get)
            let csrfCookie = String(
                try #require(login.headers[values: .setCookie].first { $0.hasPrefix(FormProtection.cookieName) }).split(separator: ";")[0]
            )
            let csrf = String(csrfCookie.split(separator: "=", maxSplits: 1)[1])
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: csrfCookie]
            let wrong = try await client.execute(
                uri: "/t/\(tenant.slug)/staff/login",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&username=hoa&password=sai-mat-khau")
            )
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("value=\"hoa\""))
            let signedIn = try await client.execute(
                uri: "/t/\(tenant.slug)/staff/login",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&username=hoa&password=\(PortalFixtures.staffPassword)")
            )
            #expect(signedIn.status == .seeOther)
            let session = String(
                try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName) }).split(separator: ";")[0]
            )

            let queues = try await client.execute(uri: "/t/\(tenant.slug)/staff/", method: .get, headers: [.cookie: session])
            #expect(queues.status == .ok)
            #expect(queues.text.contains("Của tôi <span class=\"count\">1</span>"))
            #expect(queues.text.contains("Chưa phân công <span class=\"count\">1</span>"))
            #expect(queues.text.contains(mine) && !queues.text.contains(open))
            let unassigned = try await client.execute(
                uri: "/t/\(tenant.slug)/staff/?queue=unassigned&lang=en",
                method: .get,
                headers: [.cookie: session]
            )
            #expect(unassigned.text.contains(open) && !unassigned.text.contains(mine))
            #expect(unassigned.text.contains("Breaching soon"))

            let customer = try await api.call(.post, "/sessions", json: ["token": token])
            let customerSession = String(
                try #require(customer.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName) }).split(separator: ";")[0]
            )
            let refused = try await client.execute(uri: "/t/\(tenant.slug)/staff/", method: .get, headers: [.cookie: customerSession])
            #expect(refused.status == .seeOther)
        }
    }

    @Test("on the ticket page staff move, assign and note; a stale version is refused and nothing changes; internal notes stay internal")
    func ticketPage() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token, title: "Máy chủ chậm")
            _ = try await api.call(
                .post,
                "/canned-replies",
                token: try await api.staffSession("hoa"),
                json: ["title": "Đang kiểm tra", "body": "Chúng tôi đang kiểm tra."]
            )
            let session = try await api.call(.post, "/sessions", json: ["username": "hoa", "password": PortalFixtures.staffPassword])
            let cookie = String(
                try #require(session.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName) }).split(separator: ";")[0]
            )
            let url = "/t/\(tenant.slug)/staff/tickets/\(code)"
            let page = try await client.execute(uri: url, method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("<option value=\"in_progress\">Đang xử lý</option>"))
            // A canned reply carries its title and keywords, for the search box above the list.
            #expect(page.text.contains("<option value=\"Chúng tôi đang kiểm tra.\" data-words=\"Đang kiểm tra"))
            let csrfCookie = String(
                try #require(page.headers[values: .setCookie].first { $0.hasPrefix(FormProtection.cookieName) }).split(separator: ";")[0]
            )
            let csrf = String(csrfCookie.split(separator: "=", maxSplits: 1)[1])
            func post(_ action: String, _ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "\(url)/\(action)",
                    method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "\(cookie); \(csrfCookie)"],
                    body: ByteBuffer(string: "csrf=\(csrf)&" + body)
                )
            }
            #expect(try await post("move", "version=1&to=in_progress&note=").status == .seeOther)
            let stale = try await post("assign", "version=1&assignee=hoa")
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("role=\"alert\""))
            #expect(try await post("assign", "version=2&assignee=hoa").status == .seeOther)
            #expect(try await post("note", "text=Ghi+ch%C3%BA+n%E1%BB%99i+b%E1%BB%99").status == .seeOther)
            #expect(try await post("note", "text=%C4%90%C3%A3+xong&public=true").status == .seeOther)
            let after = try await client.execute(uri: url, method: .get, headers: [.cookie: cookie])
            #expect(after.text.contains("<dd class=\"stage\">Đang xử lý</dd>"))
            #expect(after.text.contains("<li class=\"internal\">") && after.text.contains("Ghi chú nội bộ"))
            let customerView = try await api.call(.get, "/tickets/\(code)", token: token)
            let texts = (customerView.json["timeline"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(texts.contains("Đã xong") && !texts.contains("Ghi chú nội bộ"))
            #expect(customerView.json["assignee"] as? String == "Trần Văn hoa")
        }
    }

    @Test("a move, assignment or note on a ticket that does not exist answers the not-found page")
    func actionOnMissingTicket() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            var staff = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            #expect(try await staff.get("staff/").status == .ok)
            for (action, fields) in [
                ("move", ["to": "in_progress", "version": "1"]), ("assign", ["assignee": "hoa", "version": "1"]), ("note", ["text": "Ghi chú"]),
            ] {
                let reply = try await staff.post("staff/tickets/NOPE-9/\(action)", fields.map { ($0.key, $0.value) })
                #expect(reply.status == .notFound, "\(action)")
                #expect(reply.text.contains("Không tìm thấy phiếu với mã này."))
            }
        }
    }
}
