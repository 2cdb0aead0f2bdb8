import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// A signed-in customer's request pages (PRODUCT.md B6, B7, B17).
@Suite("Request pages")
struct RequestPagesTests {
    @Test("a customer lists and filters its requests, reads one with its conversation and replies; others' requests stay hidden")
    func listReadReply() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        let other = try await PortalFixtures.token(tenant, customer: "Công ty Khác")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let first = try await api.file(token: token, title: "Máy in <b>tầng 2</b>")
            let second = try await api.file(token: token, title: "Không vào được mạng", email: "minh@bia.vn", phone: "0903000111")
            let foreign = try await api.file(token: other, title: "Việc của công ty khác", email: "x@khac.vn", phone: "0903999888")

            let signedOut = try await client.execute(uri: "/t/\(tenant.slug)/requests", method: .get)
            #expect(signedOut.status == .seeOther)
            let session = try await api.call(.post, "/sessions", json: ["token": token])
            let cookie = try #require(session.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName) }).split(separator: ";")[
                0
            ]
            func page(_ path: String, cookies: String = "") async throws -> TestResponse {
                try await client.execute(uri: "/t/\(tenant.slug)/\(path)", method: .get, headers: [.cookie: "\(cookie)\(cookies)"])
            }

            let list = try await page("requests")
            #expect(list.status == .ok)
            #expect(list.text.contains(first) && list.text.contains(second) && !list.text.contains(foreign))
            #expect(list.text.contains("Máy in &lt;b&gt;tầng 2&lt;/b&gt;"))
            let filtered = try await page("requests?contact=minh")
            #expect(filtered.text.contains(second) && !filtered.text.contains(first))
            let badDate = try await page("requests?from=2026-02-30")
            #expect(badDate.status == .unprocessableContent)
            #expect(badDate.text.contains("role=\"alert\""))

            let detail = try await page("requests/\(first)")
            #expect(detail.status == .ok)
            #expect(detail.text.contains("aria-current=\"step\""))
            // The page follows the ticket's event stream through its own script file (no inline script).
            #expect(detail.text.contains("data-live=\"/t/\(tenant.slug)/api/v1/tickets/\(first)/events\""))
            #expect(detail.text.contains("<script src=\"/static/portal.js\" defer></script>"))
            let script = try await client.execute(uri: "/static/portal.js", method: .get)
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource"))
            let csrfCookie = try #require(detail.headers[values: .setCookie].first { $0.hasPrefix(FormProtection.cookieName) }).split(separator: ";")[
                0
            ]
            let csrf = String(csrfCookie.split(separator: "=", maxSplits: 1)[1])
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "\(cookie); \(csrfCookie)"]
            let forged = try await client.execute(
                uri: "/t/\(tenant.slug)/requests/\(first)/reply",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "csrf=sai&text=Xin+ch%C3%A0o")
            )
            #expect(forged.status == .unprocessableContent)
            #expect(forged.text.contains("Xin chào"))
            let empty = try await client.execute(
                uri: "/t/\(tenant.slug)/requests/\(first)/reply",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&text=+")
            )
            #expect(empty.text.contains("id=\"reply-error\""))
            let replied = try await client.execute(
                uri: "/t/\(tenant.slug)/requests/\(first)/reply",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&text=C%E1%BA%A3m+%C6%A1n%2C+%27OR+1%3D1--")
            )
            #expect(replied.status == .seeOther)
            let after = try await page("requests/\(first)")
            #expect(after.text.contains("Cảm ơn, &#39;OR 1=1--") || after.text.contains("Cảm ơn, 'OR 1=1--"))

            let hidden = try await page("requests/\(foreign)")
            #expect(hidden.status == .notFound)
        }
    }

    @Test("a reply to a missing request or to another organisation's answers the not-found page, whether the reply is taken or refused")
    func replyToMissingRequest() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        let other = try await PortalFixtures.token(tenant, customer: "Công ty Khác")
        try await withPortal { client in
            let foreign = try await APIClient(client: client, tenant: tenant).file(token: other, title: "Việc của công ty khác")
            var customer = try await PageVisitor.signedIn(client, tenant, token: token)
            #expect(try await customer.get("").status == .ok)
            for (code, text) in [("NOPE-9", "Xin chào"), (foreign, "Xin chào"), (foreign, " ")] {
                let reply = try await customer.post("requests/\(code)/reply", ["text": text])
                #expect(reply.status == .notFound, "\(code) '\(text)'")
                #expect(reply.text.contains("Không tìm thấy phiếu với mã này."))
                #expect(reply.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }
}
