import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// Signing in and out on the portal's front page (PRODUCT.md C1, C2), with CSRF-protected forms.
@Suite("Portal sign-in pages")
struct PortalSignInTests {
    /// `name=value` of the cookie called `name` among a response's Set-Cookie headers.
    static func cookie(_ name: String, in response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }.map { String($0.split(separator: ";")[0]) }
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
    }

    @Test(
        "a customer signs in with its token and sees its warranty and administrators; a wrong token or a forged form is refused; signing out ends the session"
    )
    func signInAndOut() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(
            tenant,
            warrantyUntil: Accounts.warrantyDay("2099-12-31"),
            admins: [Customer.Admin(name: "Phạm Thu Hà", email: "ha@bia.vn", phone: "0987654321")]
        )
        try await withPortal { client in
            let front = try await client.execute(uri: "/t/\(tenant.slug)/", method: .get)
            #expect(front.text.contains("<label for=\"token\">Mã truy cập của công ty bạn</label>"))
            #expect(!front.text.contains("role=\"alert\""))
            let csrfCookie = try #require(Self.cookie(FormProtection.cookieName, in: front))
            let csrf = String(csrfCookie.split(separator: "=", maxSplits: 1)[1])
            #expect(front.text.contains("name=\"csrf\" value=\"\(csrf)\""))
            let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: csrfCookie]
            let url = "/t/\(tenant.slug)/sign-in"

            let forged = try await client.execute(uri: url, method: .post, headers: formHeaders, body: Self.form(["csrf": "khac", "token": token]))
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("Biểu mẫu đã hết hạn"))
            let wrong = try await client.execute(uri: url, method: .post, headers: formHeaders, body: Self.form(["csrf": csrf, "token": "tp_sai"]))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("role=\"alert\""))
            #expect(Self.cookie(BearerMiddleware.cookieName, in: wrong) == nil)

            let signedIn = try await client.execute(uri: url, method: .post, headers: formHeaders, body: Self.form(["csrf": csrf, "token": token]))
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/t/\(tenant.slug)/")
            let setCookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName) })
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/t/\(tenant.slug)/"))
            let session = try #require(Self.cookie(BearerMiddleware.cookieName, in: signedIn))

            let mine = try await client.execute(uri: "/t/\(tenant.slug)/", method: .get, headers: [.cookie: "\(session); \(csrfCookie)"])
            #expect(mine.text.contains("Xin chào, Công ty Bia Sài Gòn"))
            #expect(mine.text.contains("Còn bảo hành"))
            #expect(mine.text.contains("<time datetime=\"2099-12-31\">31/12/2099</time>"))
            #expect(mine.text.contains("Phạm Thu Hà · ha@bia.vn · 0987654321"))
            let me = try await client.execute(uri: "/t/\(tenant.slug)/api/v1/me", method: .get, headers: [.cookie: session])
            #expect(me.status == .ok)

            let out = try await client.execute(
                uri: "/t/\(tenant.slug)/sign-out",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "\(session); \(csrfCookie)"],
                body: Self.form(["csrf": csrf])
            )
            #expect(out.status == .seeOther)
            let after = try await client.execute(uri: "/t/\(tenant.slug)/api/v1/me", method: .get, headers: [.cookie: session])
            #expect(after.status == .unauthorized)
            let front2 = try await client.execute(uri: "/t/\(tenant.slug)/", method: .get, headers: [.cookie: "\(session); \(csrfCookie)"])
            #expect(front2.text.contains("id=\"sign-in-heading\""))
        }
    }

    @Test("the rating form is refused without its CSRF token, and nothing is stored")
    func ratingFormNeedsToken() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            let staff = try await api.staffSession("hoa")
            try await api.move(code, staff: staff)
            let key = testLinks.ratingKey(code: code, tenant: tenant.slug, expires: Date().addingTimeInterval(3600))
            let url = "/t/\(tenant.slug)/rate/\(code)?k=\(key)"
            let page = try await client.execute(uri: url, method: .get)
            let csrfCookie = try #require(Self.cookie(FormProtection.cookieName, in: page))
            let csrf = String(csrfCookie.split(separator: "=", maxSplits: 1)[1])
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: csrfCookie]
            let forged = try await client.execute(uri: url, method: .post, headers: headers, body: Self.form(["handling": "1", "attitude": "1"]))
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("name=\"handling\""))
            let rated = try await client.execute(
                uri: url,
                method: .post,
                headers: headers,
                body: Self.form(["csrf": csrf, "handling": "5", "attitude": "5"])
            )
            #expect(rated.status == .ok)
            #expect(rated.text.contains("5/5"))
        }
    }

    @Test("a NUL character in a username or password is refused on both sign-in forms, and the form comes back")
    func nulInCredentials() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            var visitor = PageVisitor(client: client, tenant: tenant)
            for (page, form) in [("", "sign-in"), ("staff/login", "staff/login")] {
                #expect(try await visitor.get(page).status == .ok)
                for (username, password) in [("\u{0}a", "x"), ("hoa", "mat\u{0}khau")] {
                    let refused = try await visitor.post(form, ["username": username, "password": password])
                    #expect(refused.status == .unprocessableContent, "\(form)")
                    #expect(refused.text.contains("Nội dung chứa ký tự không hợp lệ (ký tự NUL)."))
                    #expect(refused.text.contains("name=\"password\""))
                }
            }
            #expect(try await visitor.get("").status == .ok)
        }
    }
}
