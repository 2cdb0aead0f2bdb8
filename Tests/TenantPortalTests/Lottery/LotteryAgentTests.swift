import Foundation
import HTTPTypes
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// Agents and products of the lottery module (E1) through the API: checked input, the portal
/// account that comes with an agent, and the module's gate.
@Suite("Lottery agents and products")
struct LotteryAgentTests {
    static func newAgent(_ code: String, rate: Any = "0.10", collateral: Any = 50_000_000) -> [String: Any] {
        [
            "code": code, "name": "Đại lý Phương Nam \(code)", "phone": "0912 345 678", "region": "Miền Nam", "commission_rate": rate,
            "collateral": collateral, "password": "mat-khau-dai-ly-1",
        ]
    }

    @Test("staff create an agent with their account; the agent signs in with the code in lower case")
    func create() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "lottery")
        try await PortalFixtures.staff(tenant, "thu")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let created = try await api.call(.post, "/lottery/agents", token: staff, json: Self.newAgent("dl001", rate: 0.10))
            #expect(created.status == .created)
            #expect(created.json["code"] as? String == "DL001")
            #expect(created.json["commission_rate"] as? String == "0.1")
            #expect(created.json["collateral"] as? Int == 50_000_000)
            #expect(created.json["phone"] as? String == "0912345678")
            #expect(created.json["username"] as? String == "dl001")
            let agent = try await api.staffSession("dl001", password: "mat-khau-dai-ly-1")
            let summary = try await api.call(.get, "/lottery/me/summary", token: agent)
            #expect(summary.status == .ok)
            #expect(summary.json["code"] as? String == "DL001")
            #expect(summary.json["balance"] as? Int == 0)
            let again = try await api.call(.post, "/lottery/agents", token: staff, json: Self.newAgent("DL001") + ["username": "dl001b"])
            #expect(again.status == .conflict)
            #expect(again.errorCode == "agent_exists")
            let listed = try await api.call(.get, "/lottery/agents?region=Mi%E1%BB%81n%20Nam", token: staff)
            #expect((listed.json["agents"] as? [[String: Any]])?.map { $0["code"] as? String } == ["DL001"])
            let changed = try await api.call(
                .patch,
                "/lottery/agents/DL001",
                token: staff,
                json: ["commission_rate": "0.125", "commission_from": "2000-01-01", "collateral": 60_000_000, "reason": "Bổ sung sổ đỏ"]
            )
            #expect(changed.json["commission_rate"] as? String == "0.125")
            #expect(changed.json["collateral"] as? Int == 60_000_000)
            // An agent reads only their own figures: the staff routes refuse them.
            #expect(try await api.call(.get, "/lottery/agents", token: agent).status == .forbidden)
            #expect(try await api.call(.get, "/lottery/me/summary", token: staff).status == .forbidden)
        }
    }

    @Test("bad input is refused naming the field: a rate over 15%, a non-integer or negative amount, amounts past Int64, a bad code")
    func refusals() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "lottery")
        try await PortalFixtures.staff(tenant, "thu")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            for (body, field) in [
                (Self.newAgent("DL002", rate: "0.16"), "commission_rate"), (Self.newAgent("DL002", rate: 0.151), "commission_rate"),
                (Self.newAgent("DL002", rate: "10%"), "commission_rate"), (Self.newAgent("DL002", collateral: 1.5), "collateral"),
                (Self.newAgent("DL002", collateral: -1), "collateral"), (Self.newAgent("DL002", collateral: "9223372036854775808"), "collateral"),
                (Self.newAgent("DL 002"), "code"), (Self.newAgent("DL002") + ["phone": "12"], "phone"),
            ] {
                let refused = try await api.call(.post, "/lottery/agents", token: staff, json: body)
                #expect(refused.status == .unprocessableContent, "\(body)")
                #expect(refused.errorField == field, "\(body)")
                #expect(!refused.errorMessage.isEmpty)
            }
            let english = try await api.call(
                .post,
                "/lottery/agents",
                token: staff,
                json: Self.newAgent("DL002", rate: "0.2"),
                headers: [.acceptLanguage: "en"]
            )
            #expect(english.errorMessage.contains("at most 15%"))
            #expect(try await api.call(.get, "/lottery/agents", token: staff).json["agents"] as? [Any] != nil)
            #expect((try await api.call(.get, "/lottery/agents", token: staff).json["agents"] as? [Any])?.isEmpty == true)
            let product = try await api.call(.put, "/lottery/products/XSMN-TN", token: staff, json: ["name": "Xổ số Tây Ninh", "price": 10_000.5])
            #expect(product.errorField == "price")
            let saved = try await api.call(.put, "/lottery/products/xsmn-tn", token: staff, json: ["name": "Xổ số Tây Ninh", "price": 10_000])
            #expect(saved.json["code"] as? String == "XSMN-TN")
            #expect(saved.json["price"] as? Int == 10_000)
        }
    }

    @Test("without a password the agent is mailed a set-password link: it signs them in to the portal once; no email, no link")
    func setPasswordLink() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "lottery")
        try await PortalFixtures.staff(tenant, "thu")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            let noEmail = try await api.call(.post, "/lottery/agents", token: staff, json: Self.newAgent("DL002") + ["password": ""])
            #expect(noEmail.status == .unprocessableContent)
            #expect(noEmail.errorField == "email")
            var body = Self.newAgent("DL002") + ["email": "phuongnam@daily.vn"]
            body.removeValue(forKey: "password")
            #expect(try await api.call(.post, "/lottery/agents", token: staff, json: body).status == .created)
            let mail = try #require(try await InvitationTests.mails(tenant).first)
            #expect(mail.0 == "phuongnam@daily.vn")
            #expect(mail.1 == "[Công ty Phần mềm An Phát] Tài khoản cổng thông tin của bạn")
            #expect(mail.2.contains("Tên đăng nhập: dl002"))
            let link = try #require(mail.2.split(separator: "\n").first { $0.contains("/invitation?k=") })
            #expect(link.contains("http://portal.test/t/\(tenant.slug)/invitation?k=tp_"))
            let key = String(link.split(separator: "k=", maxSplits: 1)[1])
            // Nothing signs in to the account before its password is chosen.
            #expect(try await api.call(.post, "/sessions", json: ["username": "dl002", "password": ""]).status != .created)

            var visitor = PageVisitor(client: client, tenant: tenant)
            #expect(try await visitor.get("staff/invitation?k=\(key)").status == .forbidden)
            let form = try await visitor.get("invitation?k=\(key)")
            #expect(form.status == .ok)
            #expect(form.text.contains("Chọn mật khẩu để vào cổng thông tin."))
            let chosen = "mat-khau-dai-ly-9"
            let accepted = try await visitor.post("invitation", ["k": key, "new_password": chosen, "repeat_password": chosen])
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers[.location] == "/t/\(tenant.slug)/")
            #expect(try await visitor.get("lottery").text.contains("DL002"))
            #expect(try await visitor.get("invitation?k=\(key)").status == .forbidden)
            let agent = try await api.staffSession("dl002", password: chosen)
            #expect(try await api.call(.get, "/lottery/me/summary", token: agent).json["code"] as? String == "DL002")
        }
    }

    @Test("a tenant without the lottery module has none of its routes")
    func gated() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "it")
        try await PortalFixtures.staff(tenant, "thu")
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let staff = try await api.staffSession("thu")
            #expect(try await api.call(.get, "/lottery/agents", token: staff).status == .notFound)
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    static func + (lhs: Self, rhs: Self) -> Self { lhs.merging(rhs) { $1 } }
}
