import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The public tracking page (PRODUCT.md B6): code plus the last four phone digits, no sign-in.
@Suite("Public tracking page")
struct TrackingPageTests {
    @Test("code and the phone's last four digits show the stage; a wrong pair shows nothing of the ticket; guessing is stopped")
    func tracking() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token, title: "Bí mật <script>alert(1)</script>", phone: "0912 345 678")
            let staff = try await api.staffSession("hoa")
            _ = try await api.call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": "in_progress"])
            func page(_ query: String) async throws -> TestResponse {
                try await client.execute(uri: "/t/\(tenant.slug)/track?\(query)", method: .get)
            }
            let blank = try await page("")
            #expect(blank.status == .ok)
            #expect(blank.text.contains("<label for=\"phone\">4 số cuối điện thoại</label>"))
            let found = try await page("code=\(code.lowercased())&phone=5678")
            #expect(found.status == .ok)
            #expect(found.text.contains("<strong class=\"stage\">Đang xử lý</strong>"))
            #expect(found.text.contains("aria-current=\"step\""))
            #expect(!found.text.contains("Bí mật"))
            // Nothing missing is printed as "nil".
            for page in [blank, found] { #expect(!page.text.contains(">nil<")) }
            let english = try await page("code=\(code)&phone=5678&lang=en")
            #expect(english.text.contains("<strong class=\"stage\">In progress</strong>"))
            let short = try await page("code=\(code)&phone=678")
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("id=\"phone-error\""))
            for _ in 0..<5 {
                let wrong = try await page("code=\(code)&phone=1111")
                #expect(wrong.status == .notFound)
                #expect(wrong.text.contains("Không có yêu cầu nào khớp"))
                #expect(!wrong.text.contains("Đang xử lý"))
            }
            // Five misses on this code: even the right digits wait now.
            let locked = try await page("code=\(code)&phone=5678")
            #expect(locked.status == .tooManyRequests)
        }
    }
}
