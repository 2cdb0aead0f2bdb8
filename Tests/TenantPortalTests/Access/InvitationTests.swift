import Foundation
import HTTPTypes
import HummingbirdTesting
import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore
@testable import TenantPortal

/// Inviting a staff member by mail (PRODUCT.md A1): the link works once, within its lifetime, and
/// choosing a password there signs the member in.
@Suite("Staff invitations")
struct InvitationTests {
    static let chosen = "mat-khau-tu-chon-1"

    static func invitation(_ tenant: Tenant, _ username: String = "lan", email: String = "lan@anphat.vn") async throws -> StaffInvitation {
        try await StaffInvitation(
            username: username,
            displayName: "Nguyễn Thị Lan",
            role: .agent,
            team: "ho-tro",
            email: email,
            slug: tenant.slug,
            tenantName: tenant.displayName,
            locale: tenant.locale,
            writer: try InvitationMail(links: testLinks)
        )
    }

    static func invite(_ invitation: StaffInvitation, _ tenant: Tenant) async throws {
        try await TestDatabase.asAdmin { try await Accounts(database: $0).invite(invitation, tenant: tenant, logger: TestDatabase.logger) }
    }

    /// The link's key: what follows `k=`.
    static func key(_ invitation: StaffInvitation) -> String {
        String(invitation.link.split(separator: "k=", maxSplits: 1)[1])
    }

    /// The tenant's invitation mail: recipient, subject, plain text and HTML.
    static func mails(_ tenant: Tenant) async throws -> [(String, String, String, String)] {
        try await TestDatabase.asAdmin { admin in
            try await admin.reading(tenant.scope, logger: TestDatabase.logger) { connection in
                try await connection.rows(
                    "SELECT recipient, subject, text_body, html_body FROM platform.outbox WHERE event = 'invitation' ORDER BY id",
                    as: (String, String, String, String).self,
                    logger: TestDatabase.logger
                )
            }
        }
    }

    @Test("the invitation mail carries the link; choosing a password there signs the member in, and the link works once")
    func acceptOnce() async throws {
        let tenant = try await PortalFixtures.tenant()
        let invitation = try await Self.invitation(tenant)
        try await Self.invite(invitation, tenant)
        #expect(invitation.link.hasPrefix("http://portal.test/t/\(tenant.slug)/staff/invitation?k=tp_"))
        let mail = try #require(try await Self.mails(tenant).first)
        #expect(mail.0 == "lan@anphat.vn")
        #expect(mail.1 == "[Công ty Phần mềm An Phát] Lời mời tham gia không gian làm việc của nhân viên")
        #expect(mail.2.contains("Chọn mật khẩu: \(invitation.link)"))
        #expect(mail.2.contains("Tên đăng nhập: lan"))
        #expect(mail.3.contains("href=\"\(invitation.link)\""))
        let key = Self.key(invitation)
        try await withPortal { client in
            var visitor = PageVisitor(client: client, tenant: tenant)
            let form = try await visitor.get("staff/invitation?k=\(key)")
            #expect(form.status == .ok)
            #expect(form.text.contains("Tên đăng nhập của bạn là lan."))
            #expect(form.headers[.cacheControl] == "no-store")
            #expect(form.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(form.text.contains("?k=\(key)&amp;lang=en"))

            let mismatch = try await visitor.post("staff/invitation", ["k": key, "new_password": Self.chosen, "repeat_password": "mat-khau-khac-12"])
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.text.contains("Hai lần nhập mật khẩu mới không giống nhau."))
            let short = try await visitor.post("staff/invitation", ["k": key, "new_password": "ngan", "repeat_password": "ngan"])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("Mật khẩu cần ít nhất 10 ký tự."))

            let accepted = try await visitor.post("staff/invitation", ["k": key, "new_password": Self.chosen, "repeat_password": Self.chosen])
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers[.location] == "/t/\(tenant.slug)/staff/")
            let workspace = try await visitor.get("staff/")
            #expect(workspace.status == .ok)
            #expect(workspace.text.contains("nav"))

            let again = try await visitor.get("staff/invitation?k=\(key)")
            #expect(again.status == .forbidden)
            #expect(again.text.contains("không hợp lệ hoặc đã được dùng"))
            let reused = try await visitor.post(
                "staff/invitation",
                ["k": key, "new_password": "mat-khau-thu-hai-2", "repeat_password": "mat-khau-thu-hai-2"]
            )
            #expect(reused.status == .forbidden)
            let api = APIClient(client: client, tenant: tenant)
            #expect(try await api.call(.post, "/sessions", json: ["username": "lan", "password": Self.chosen]).status == .created)
        }
    }

    @Test("an expired link is told apart from a forged one; inviting again replaces an unused link; a member with a password cannot be invited")
    func expiredForgedAndAgain() async throws {
        let tenant = try await PortalFixtures.tenant()
        let first = try await Self.invitation(tenant)
        try await Self.invite(first, tenant)
        let second = try await Self.invitation(tenant, email: "lan.nguyen@anphat.vn")
        try await Self.invite(second, tenant)
        #expect(try await Self.mails(tenant).map(\.0) == ["lan@anphat.vn", "lan.nguyen@anphat.vn"])
        // The member takes the details of the invitation sent last: the roster shows where it went.
        #expect(try await Self.storedEmail(tenant, "lan") == "lan.nguyen@anphat.vn")
        try await withPortal { client in
            var visitor = PageVisitor(client: client, tenant: tenant)
            #expect(try await visitor.get("staff/invitation?k=\(Self.key(first))").status == .forbidden)
            #expect(try await visitor.get("staff/invitation?k=tp_gia-mao").status == .forbidden)
            #expect(try await visitor.get("staff/invitation").status == .forbidden)
            #expect(try await visitor.get("staff/invitation?k=\(Self.key(second))").status == .ok)

            try await TestDatabase.asAdmin { admin in
                try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.query("UPDATE staff_invitations SET expires_at = now() - interval '1 minute'", logger: TestDatabase.logger)
                }
            }
            let expired = try await visitor.get("staff/invitation?k=\(Self.key(second))")
            #expect(expired.status == .gone)
            #expect(expired.text.contains("Lời mời đã hết hạn."))
            let late = try await visitor.post(
                "staff/invitation",
                ["k": Self.key(second), "new_password": Self.chosen, "repeat_password": Self.chosen]
            )
            #expect(late.status == .gone)
        }
        try await PortalFixtures.staff(tenant, "hoa")
        await #expect(throws: Accounts.Failure.usernameTaken("hoa")) { try await Self.invite(try await Self.invitation(tenant, "hoa"), tenant) }
        await #expect(throws: Accounts.Failure.invalid(.emailInvalid)) { try await Self.invitation(tenant, "minh", email: "khong-phai-email") }
        // A deactivated member's link would never open: they are reactivated first, not invited.
        try await TestDatabase.asAdmin { admin in
            try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                try await connection.query("UPDATE staff_members SET active = false WHERE username = 'lan'", logger: TestDatabase.logger)
            }
        }
        await #expect(throws: Accounts.Failure.usernameTaken("lan")) { try await Self.invite(try await Self.invitation(tenant), tenant) }
    }

    static func storedEmail(_ tenant: Tenant, _ username: String) async throws -> String? {
        try await TestDatabase.asAdmin { admin in
            try await admin.reading(tenant.scope, logger: TestDatabase.logger) { connection in
                try await connection.value(
                    "SELECT email FROM staff_members WHERE username = \(username)",
                    as: String.self,
                    logger: TestDatabase.logger
                )
            }
        }
    }
}
