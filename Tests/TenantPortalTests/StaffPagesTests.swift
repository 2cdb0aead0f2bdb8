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
            let csrfCookie = String(try #require(login.headers[values: .setCookie].first { $0.hasPrefix(FormProtection.cookieName) }).split(separator: ";")[0])
            let csrf = String(csrfCookie.split(separator: "=", maxSplits: 1)[1])
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: csrfCookie]
            let wrong = try await client.execute(
                uri: "/t/\(tenant.slug)/staff/login", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(csrf)&username=hoa&password=sai-mat-khau"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("value=\"hoa\""))
            let signedIn = try await client.execute(
                uri: "/t/\(tenant.slug)/staff/login", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(csrf)&username=hoa&password=\(PortalFixtures.staffPassword)"))
            #expect(signedIn.status == .seeOther)
            let session = String(try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName) }).split(separator: ";")[0])

            let queues = try await client.execute(uri: "/t/\(tenant.slug)/staff/", method: .get, headers: [.cookie: session])
            #expect(queues.status == .ok)
            #expect(queues.text.contains("Của tôi <span class=\"count\">1</span>"))
            #expect(queues.text.contains("Chưa phân công <span class=\"count\">1</span>"))
            #expect(queues.text.contains(mine) && !queues.text.contains(open))
            let unassigned = try await client.execute(uri: "/t/\(tenant.slug)/staff/?queue=unassigned&lang=en", method: .get, headers: [.cookie: session])
            #expect(unassigned.text.contains(open) && !unassigned.text.contains(mine))
            #expect(unassigned.text.contains("Breaching soon"))

            let customer = try await api.call(.post, "/sessions", json: ["token": token])
            let customerSession = String(try #require(customer.headers[values: .setCookie].first { $0.hasPrefix(BearerMiddleware.cookieName) }).split(separator: ";")[0])
            let refused = try await client.execute(uri: "/t/\(tenant.slug)/staff/", method: .get, headers: [.cookie: customerSession])
            #expect(refused.status == .seeOther)
        }
    }
}
