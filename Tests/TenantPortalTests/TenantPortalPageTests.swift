import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@Suite("The tenant's portal page")
struct TenantPortalPageTests {
    @Test("/t/{slug}/ shows the tenant's display name, escaped, in Vietnamese by default")
    func landingPage() async throws {
        let tenant = try await makeTenant(name: #"Garage <b>Minh Long</b> & "Sơn""#)
        try await withPortal { client in
            try await client.execute(uri: "/t/\(tenant.slug)/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("Garage &lt;b&gt;Minh Long&lt;/b&gt; &amp; &quot;Sơn&quot;"))
                #expect(!response.text.contains("<b>Minh"))
                #expect(response.text.contains("Chào mừng bạn đến với cổng dịch vụ khách hàng"))
                #expect(response.text.contains(#"<html lang="vi">"#))
            }
        }
    }

    @Test("English by ?lang=en or by Accept-Language")
    func englishPage() async throws {
        let tenant = try await makeTenant()
        try await withPortal { client in
            try await client.execute(uri: "/t/\(tenant.slug)/?lang=en", method: .get) { response in
                #expect(
                    response.text.contains("Welcome to Công ty Phần mềm An Phát&#39;s customer portal.")
                        || response.text.contains("Welcome to Công ty Phần mềm An Phát's customer portal.")
                )
                #expect(response.headers[.contentLanguage] == "en")
            }
            try await client.execute(uri: "/t/\(tenant.slug)/", method: .get, headers: [.acceptLanguage: "en-US,en;q=0.9"]) { response in
                #expect(response.headers[.contentLanguage] == "en")
            }
        }
    }

    @Test("a language chosen with ?lang= is remembered in a cookie; pages forbid inline script and framing")
    func rememberedLanguageAndHeaders() async throws {
        let tenant = try await makeTenant()
        try await withPortal { client in
            let cookie = try await client.execute(uri: "/t/\(tenant.slug)/?lang=en", method: .get) { response in
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("portal_lang=") })
                #expect(cookie.hasPrefix("portal_lang=en;") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
                return cookie
            }
            let value = String(cookie.split(separator: ";")[0])
            try await client.execute(uri: "/t/\(tenant.slug)/track", method: .get, headers: [.cookie: value, .acceptLanguage: "vi"]) { response in
                #expect(response.headers[.contentLanguage] == "en")
                #expect(response.text.contains("Track a request"))
            }
        }
    }

    @Test("an unknown or malformed tenant gets a 404 page that says so")
    func unknownTenant() async throws {
        try await withPortal { client in
            try await client.execute(uri: "/t/khong-co-ai/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("Không tìm thấy cổng thông tin"))
            }
            try await client.execute(uri: "/t/khong-co-ai/?lang=en", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("Portal not found"))
            }
            try await client.execute(uri: "/t/Bad_Slug/", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("an address no page has gets a 404 page in the visitor's language, with the page headers")
    func unknownPage() async throws {
        let tenant = try await makeTenant()
        try await withPortal { client in
            try await client.execute(uri: "/t/\(tenant.slug)/khong-co-trang-nay", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.text.contains("Không tìm thấy trang"))
                #expect(response.text.contains("Cổng thông tin của Công ty Phần mềm An Phát không có trang này."))
            }
            // A method the page does not take is answered the same way.
            try await client.execute(uri: "/t/\(tenant.slug)/track?lang=en", method: .delete) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("Page not found"))
                #expect(response.headers[values: .setCookie].contains { $0.hasPrefix("portal_lang=en;") })
            }
            try await client.execute(uri: "/t/khong-co-ai/khong-co-trang-nay", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("Không tìm thấy cổng thông tin"))
            }
        }
    }

    @Test("a suspension reaches a running server as it commits, not after the directory's backstop: 403 page, data kept")
    func suspendedTenant() async throws {
        let tenant = try await makeTenant()
        try await withPortal { client in
            try await client.execute(uri: "/t/\(tenant.slug)/", method: .get) { #expect($0.status == .ok) }
            try await TestDatabase.asAdmin { admin in
                _ = try await TenantCatalog(database: admin).setStatus(.suspended, of: tenant.slug, actor: "tests", logger: TestDatabase.logger)
            }
            var status = HTTPResponse.Status.ok
            var page = ""
            for _ in 0..<50 where status == .ok {  // 5 s at most; the directory itself would keep the tenant for 60 s
                try await Task.sleep(for: .milliseconds(100))
                (status, page) = try await client.execute(uri: "/t/\(tenant.slug)/", method: .get) { ($0.status, $0.text) }
            }
            #expect(status == .forbidden)
            #expect(page.contains("Cổng thông tin đang tạm ngừng"))
            #expect(page.contains("Dữ liệu của bạn vẫn được giữ nguyên"))
        }
    }

    @Test("the stylesheet is served from the binary; unknown static files are 404")
    func staticFiles() async throws {
        try await withPortal { client in
            try await client.execute(uri: "/static/portal.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(response.text.contains("focus-visible"))
            }
            try await client.execute(uri: "/static/nothing.css", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
