import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// Changing one's own password (C1, E1, I4), through the API and the two pages.
@Suite("Changing one's own password")
struct PasswordChangeTests {
    static let newPassword = "mat-khau-moi-2026"

    @Test("a staff member changes their password: the other sessions end, this one stays, only the new password signs in")
    func staffChangesPassword() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let here = try await api.staffSession("hoa")
            let elsewhere = try await api.staffSession("hoa")
            let changed = try await api.call(
                .put,
                "/me/password",
                token: here,
                json: ["current_password": PortalFixtures.staffPassword, "new_password": Self.newPassword]
            )
            #expect(changed.status == .noContent)
            #expect(try await api.call(.get, "/me", token: here).status == .ok)
            #expect(try await api.call(.get, "/me", token: elsewhere).status == .unauthorized)
            let old = try await api.call(.post, "/sessions", json: ["username": "hoa", "password": PortalFixtures.staffPassword])
            #expect(old.status == .unauthorized)
            #expect(try await api.call(.post, "/sessions", json: ["username": "hoa", "password": Self.newPassword]).status == .created)
        }
    }

    @Test("a wrong current password, a short or unchanged new one, a missing field and a customer's token are each refused, naming the field")
    func refusals() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let session = try await api.staffSession("hoa")
            let cases: [([String: Any], String, String)] = [
                (["current_password": "khong-phai-mat-khau", "new_password": Self.newPassword], "current_password", "Mật khẩu hiện tại không đúng."),
                (["current_password": PortalFixtures.staffPassword, "new_password": "ngan"], "new_password", "Mật khẩu cần ít nhất 10 ký tự."),
                (
                    ["current_password": PortalFixtures.staffPassword, "new_password": PortalFixtures.staffPassword], "new_password",
                    "Mật khẩu mới phải khác mật khẩu hiện tại."
                ),
                (["new_password": Self.newPassword], "current_password", "Vui lòng nhập thông tin này."),
                (
                    ["current_password": PortalFixtures.staffPassword, "new_password": String(repeating: "ệ", count: 25)], "new_password",
                    "Mật khẩu quá dài: tối đa 72 byte; mỗi chữ có dấu chiếm 2 hoặc 3 byte."
                ),
            ]
            for (body, field, message) in cases {
                let refused = try await api.call(.put, "/me/password", token: session, json: body)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.errorField == field)
                #expect(refused.errorMessage == message)
            }
            let customer = try await api.call(
                .put,
                "/me/password?lang=en",
                token: token,
                json: ["current_password": "x", "new_password": Self.newPassword]
            )
            #expect(customer.status == .forbidden)
            #expect(customer.errorCode == "no_password")
            #expect(try await api.call(.post, "/sessions", json: ["username": "hoa", "password": PortalFixtures.staffPassword]).status == .created)
        }
    }

    @Test("wrong current passwords count as failed sign-ins: the fifth locks the username out, even with the right one")
    func lockout() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let session = try await api.staffSession("hoa")
            for _ in 0..<SignInLimit.maxFailures {
                let wrong = try await api.call(
                    .put,
                    "/me/password",
                    token: session,
                    json: ["current_password": "doan-mo-1234", "new_password": Self.newPassword]
                )
                #expect(wrong.status == .unprocessableContent)
            }
            let locked = try await api.call(
                .put,
                "/me/password",
                token: session,
                json: ["current_password": PortalFixtures.staffPassword, "new_password": Self.newPassword]
            )
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(
                try await api.call(.post, "/sessions", json: ["username": "hoa", "password": PortalFixtures.staffPassword]).status == .tooManyRequests
            )
        }
    }

    @Test(
        "the workspace's password page: every member has it in the navigation; a mismatch is refused with nothing changed, then the change is confirmed"
    )
    func workspacePage() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal { client in
            var visitor = try await PageVisitor.signedIn(client, tenant, username: "hoa")
            let form = try await visitor.get("staff/password")
            #expect(form.status == .ok)
            #expect(form.text.contains("<a href=\"/t/\(tenant.slug)/staff/password\" aria-current=\"page\">Đổi mật khẩu</a>"))
            #expect(form.text.contains("autocomplete=\"current-password\""))
            let mismatch = try await visitor.post(
                "staff/password",
                ["current_password": PortalFixtures.staffPassword, "new_password": Self.newPassword, "repeat_password": "mat-khau-khac-2026"]
            )
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.text.contains("Hai lần nhập mật khẩu mới không giống nhau."))
            #expect(!mismatch.text.contains(Self.newPassword))
            let saved = try await visitor.post(
                "staff/password",
                ["current_password": PortalFixtures.staffPassword, "new_password": Self.newPassword, "repeat_password": Self.newPassword]
            )
            #expect(saved.status == .ok)
            #expect(saved.text.contains("Đã đổi mật khẩu."))
            #expect(try await visitor.get("staff/").status == .ok)
            let api = APIClient(client: client, tenant: tenant)
            #expect(try await api.call(.post, "/sessions", json: ["username": "hoa", "password": Self.newPassword]).status == .created)
        }
    }

    @Test("the portal's password page: a portal user changes theirs; a customer organisation is told it has none; a visitor is sent to sign in")
    func portalPage() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.portalUser(tenant, "daily.an")
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            var agent = try await PageVisitor.signedIn(client, tenant, username: "daily.an")
            #expect(try await agent.get("").text.contains("<a href=\"password\">Đổi mật khẩu</a>"))
            #expect(try await agent.get("password").status == .ok)
            let wrong = try await agent.post(
                "password",
                ["current_password": "khong-dung-1234", "new_password": Self.newPassword, "repeat_password": Self.newPassword]
            )
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("id=\"current-password-error\" class=\"error\">Mật khẩu hiện tại không đúng."))
            let saved = try await agent.post(
                "password",
                ["current_password": PortalFixtures.staffPassword, "new_password": Self.newPassword, "repeat_password": Self.newPassword]
            )
            #expect(saved.status == .ok)
            #expect(saved.text.contains("Đã đổi mật khẩu."))

            var customer = try await PageVisitor.signedIn(client, tenant, token: token)
            #expect(!(try await customer.get("").text.contains("href=\"password\"")))
            let refused = try await customer.get("password")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("không có mật khẩu để đổi"))
            var visitor = PageVisitor(client: client, tenant: tenant)
            let away = try await visitor.get("password")
            #expect(away.status == .seeOther)
            #expect(away.headers[.location] == "/t/\(tenant.slug)/")
        }
    }
}
