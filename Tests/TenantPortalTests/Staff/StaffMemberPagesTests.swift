import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// The administrators' staff page (A1): inviting colleagues, and stopping or restoring access.
@Suite("Staff members page")
struct StaffMemberPagesTests {
    @Test("an administrator invites a colleague: the link is shown once, the mail is queued, the roster says invited; refusals name their field")
    func invite() async throws {
        let tenant = try await PortalFixtures.tenantWithAdminAndAgent()
        try await withPortal { client in
            var admin = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            let page = try await admin.get("staff/members")
            #expect(page.status == .ok)
            #expect(page.text.contains("aria-current=\"page\">Nhân viên</a>"))
            #expect(page.text.contains("<td>Trần Văn minh</td><td>minh</td>"))
            #expect(page.text.contains("<option value=\"agent\" selected>Nhân viên xử lý</option>"))
            #expect(page.text.contains("id=\"team-minh\" name=\"team\" value=\"ho-tro\""))
            #expect(page.text.contains("<td>Đang hoạt động</td>"))
            // No button for the administrator to lock themselves out.
            #expect(!page.text.contains("value=\"hoa\"><input type=\"hidden\" name=\"active\" value=\"false\">"))
            #expect(page.text.contains("value=\"minh\"><input type=\"hidden\" name=\"active\" value=\"false\">"))

            let invited = try await admin.post(
                "staff/members/invite",
                ["username": "Lan", "name": "Nguyễn Thị Lan", "email": "Lan@AnPhat.vn", "role": "agent", "team": "ke-toan"]
            )
            #expect(invited.status == .ok)
            #expect(invited.headers[.cacheControl] == "no-store")
            #expect(invited.text.contains("Đã gửi lời mời tới lan@anphat.vn."))
            let link = try #require(invited.text.firstMatch(of: /<code id="invitation-link" class="token">([^<]+)<\/code>/)?.1)
            #expect(link.hasPrefix("http://portal.test/t/\(tenant.slug)/staff/invitation?k=tp_"))
            #expect(invited.text.contains("<td>Nguyễn Thị Lan</td><td>lan</td>"))
            #expect(invited.text.contains("id=\"team-lan\" name=\"team\" value=\"ke-toan\""))
            #expect(invited.text.contains("<td>Đã mời, chưa chọn mật khẩu</td>"))
            #expect(try await InvitationTests.mails(tenant).map(\.0) == ["lan@anphat.vn"])
            #expect(try await admin.get("staff/members").headers[.cacheControl] != "no-store")

            let taken = try await admin.post("staff/members/invite", ["username": "minh", "email": "minh@anphat.vn", "role": "agent"])
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("id=\"member-username-error\" class=\"error\">Tên đăng nhập &#39;minh&#39; đã có người dùng."))
            let badEmail = try await admin.post("staff/members/invite", ["username": "tuan", "email": "tuan@", "role": "agent"])
            #expect(badEmail.status == .unprocessableContent)
            #expect(badEmail.text.contains("id=\"member-email-error\""))
            #expect(badEmail.text.contains("value=\"tuan\""))
            let badRole = try await admin.post("staff/members/invite", ["username": "tuan", "email": "tuan@anphat.vn", "role": "boss"])
            #expect(badRole.status == .unprocessableContent)
            #expect(badRole.text.contains("id=\"member-role-error\""))
            #expect(try await InvitationTests.mails(tenant).count == 1)

            var agent = try await PageVisitor.signedIn(client, tenant, username: "minh")
            #expect(try await agent.get("staff/members").status == .forbidden)
            #expect(
                try await agent.post("staff/members/invite", ["username": "tuan", "email": "tuan@anphat.vn", "role": "admin"]).status == .forbidden
            )
        }
    }

    @Test(
        "deactivating a member ends their sessions at once and refuses their sign-in; reactivating lets them sign in again; nobody locks themselves out"
    )
    func deactivate() async throws {
        let tenant = try await PortalFixtures.tenantWithAdminAndAgent()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let minh = try await api.staffSession("minh")
            var admin = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            _ = try await admin.get("staff/members")
            let done = try await admin.post("staff/members/update", ["username": "minh", "active": "false"])
            #expect(done.status == .seeOther)
            #expect(try await api.call(.get, "/me", token: minh).status == .unauthorized)
            #expect(
                try await api.call(.post, "/sessions", json: ["username": "minh", "password": PortalFixtures.staffPassword]).status == .unauthorized
            )
            #expect(try await admin.get("staff/members").text.contains("<td>Đã khóa</td>"))

            #expect(try await admin.post("staff/members/update", ["username": "minh", "active": "true"]).status == .seeOther)
            #expect(try await api.call(.get, "/me", token: minh).status == .unauthorized)
            let back = try await api.staffSession("minh")
            #expect(back.hasPrefix("tp_"))

            let own = try await admin.post("staff/members/update", ["username": "HOA", "active": "false"])
            #expect(own.status == .conflict)
            #expect(own.text.contains("Bạn không thể tự khóa tài khoản hay tự bỏ quyền quản trị của chính mình."))
            #expect(try await admin.post("staff/members/update", ["username": "hoa", "role": "agent"]).status == .conflict)

            // Promoted, minh reaches the administrators' pages at once, in the session they have.
            #expect(try await admin.post("staff/members/update", ["username": "minh", "role": "admin", "team": "ke-toan"]).status == .seeOther)
            #expect(try await api.call(.get, "/staff", token: back).status == .ok)
            #expect(try await api.call(.get, "/me", token: back).json["role"] as? String == "admin")
            let badRole = try await admin.post("staff/members/update", ["username": "minh", "role": "boss"])
            #expect(badRole.status == .unprocessableContent)
            let nobody = try await admin.post("staff/members/update", ["username": "ai-do", "active": "false"])
            #expect(nobody.status == .notFound)
            #expect(try await admin.get("staff/").status == .ok)
        }
    }
}

/// The same through the JSON API (I3).
@Suite("Staff members API")
struct StaffAPIRosterTests {
    @Test("an administrator lists, invites and deactivates through the API; agents are refused; refusals name their field")
    func roster() async throws {
        let tenant = try await PortalFixtures.tenantWithAdminAndAgent()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let admin = try await api.staffSession("hoa")
            let invited = try await api.call(
                .post,
                "/staff/invitations",
                token: admin,
                json: ["username": "lan", "email": "lan@anphat.vn", "role": "agent", "name": "Nguyễn Thị Lan"]
            )
            #expect(invited.status == .created)
            #expect(invited.headers[.cacheControl] == "no-store")
            let link = try #require(invited.json["invitation_link"] as? String)
            #expect(link.hasPrefix("http://portal.test/t/\(tenant.slug)/staff/invitation?k=tp_"))

            let list = try await api.call(.get, "/staff", token: admin)
            let members = try #require(list.json["members"] as? [[String: Any]])
            #expect(members.map { $0["username"] as? String } == ["lan", "hoa", "minh"])
            #expect(members.first?["invitation"] as? String == "pending")
            #expect(members.last?["invitation"] == nil)

            let taken = try await api.call(
                .post,
                "/staff/invitations",
                token: admin,
                json: ["username": "minh", "email": "m@anphat.vn", "role": "agent"]
            )
            #expect(taken.status == .conflict)
            #expect(taken.errorCode == "username_taken")
            let noEmail = try await api.call(.post, "/staff/invitations?lang=en", token: admin, json: ["username": "tuan", "role": "agent"])
            #expect(noEmail.status == .unprocessableContent)
            #expect(noEmail.errorField == "email")

            let minh = try await api.staffSession("minh")
            #expect(try await api.call(.get, "/staff", token: minh).status == .forbidden)
            #expect(try await api.call(.patch, "/staff/minh", token: admin, json: ["team": "ke-toan"]).status == .noContent)
            #expect(try await api.call(.get, "/me", token: minh).status == .ok)
            #expect(try await api.call(.patch, "/staff/minh", token: admin, json: ["active": false]).status == .noContent)
            #expect(try await api.call(.get, "/me", token: minh).status == .unauthorized)
            let after = try #require(try await api.call(.get, "/staff", token: admin).json["members"] as? [[String: Any]])
            #expect(after.first { $0["username"] as? String == "minh" }?["team"] as? String == "ke-toan")
            #expect(try await api.call(.patch, "/staff/hoa", token: admin, json: ["active": false]).errorCode == "own_account")
            #expect(try await api.call(.patch, "/staff/hoa", token: admin, json: ["role": "agent"]).errorCode == "own_account")
            #expect(try await api.call(.patch, "/staff/ai-do", token: admin, json: ["active": true]).status == .notFound)
        }
    }
}
