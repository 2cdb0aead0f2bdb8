import Foundation
import HTTPTypes
import HummingbirdTesting
import PortalTestSupport
import PostgresNIO
import ServiceLevels
import Testing

@testable import PGStore
@testable import TenantPortal

/// Employee records and the accounts they make and end (issue 20, F1, F2, F4) through the API.
@Suite("HR employee records")
struct EmployeeRecordTests {
    /// A tenant with module hr, an HR member (`lan`, team hr) and a support agent (`thu`).
    static func office() async throws -> Tenant {
        let tenant = try await PortalFixtures.tenant(modules: "hr")
        try await PortalFixtures.staff(tenant, "lan", team: "hr")
        try await PortalFixtures.staff(tenant, "thu")
        return tenant
    }

    static func record(_ code: String, name: String = "Nguyễn Văn Đức", email: String? = nil, department: String = "Kế toán") -> [String: Any] {
        var body: [String: Any] = [
            "employee_code": code, "full_name": name, "phone": "0912 345 678", "department": department, "position": "Kế toán viên",
            "start_date": "2024-03-01",
        ]
        if let email { body["email"] = email }
        return body
    }

    @Test("a record makes the account: a link mailed when there is an email, else a password shown once; both sign in")
    func accounts() async throws {
        let tenant = try await Self.office()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let hr = try await api.staffSession("lan")
            let linked = try await api.call(.post, "/hr/employees", token: hr, json: Self.record("nv0001", email: "duc.nv@hoabinh.vn"))
            #expect(linked.status == .created)
            #expect((linked.json["employee"] as? [String: Any])?["employee_code"] as? String == "NV0001")
            #expect((linked.json["employee"] as? [String: Any])?["username"] as? String == "nv0001")
            #expect((linked.json["first_sign_in"] as? [String: Any])?["kind"] as? String == "link")
            let mail = try #require(try await InvitationTests.mails(tenant).first)
            #expect(mail.0 == "duc.nv@hoabinh.vn")
            let link = try #require(mail.2.split(separator: "\n").first { $0.contains("/invitation?k=") })
            let key = String(link.split(separator: "k=", maxSplits: 1)[1])
            var visitor = PageVisitor(client: client, tenant: tenant)
            _ = try await visitor.get("invitation?k=\(key)")
            let chosen = "mat-khau-nhan-vien-1"
            #expect(try await visitor.post("invitation", ["k": key, "new_password": chosen, "repeat_password": chosen]).status == .seeOther)
            #expect(try await api.call(.post, "/sessions", json: ["username": "nv0001", "password": chosen]).status == .created)

            let plain = try await api.call(.post, "/hr/employees", token: hr, json: Self.record("NV0002", name: "Trần Thị Mai"))
            let password = try #require((plain.json["first_sign_in"] as? [String: Any])?["password"] as? String)
            #expect(password.count == 12)
            #expect(try await api.call(.post, "/sessions", json: ["username": "nv0002", "password": password]).status == .created)
            // The employee's account files HR requests (the request engine's own rule for them).
            let me = try await api.staffSession("nv0002", password: password)
            #expect(try await api.call(.get, "/me", token: me).status == .ok)
        }
    }

    @Test("bad records are refused naming the field, and nothing is made: code, dates, email used, duplicate, not HR")
    func refusals() async throws {
        let tenant = try await Self.office()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let (hr, agent) = (try await api.staffSession("lan"), try await api.staffSession("thu"))
            #expect(try await api.call(.post, "/hr/employees", token: agent, json: Self.record("NV0009")).status == .forbidden)
            #expect(try await api.call(.get, "/hr/employees", token: agent).status == .forbidden)
            #expect(try await api.call(.post, "/hr/employees", token: hr, json: Self.record("NV0001", email: "mai@hoabinh.vn")).status == .created)
            let cases: [([String: Any], Int, String)] = [
                (Self.record("NV 3"), 422, "employee_code"), (Self.record("N"), 422, "employee_code"),
                (Self.record("NV0003") + ["start_date": "2026-02-30"], 422, "start_date"),
                (Self.record("NV0003") + ["leaving_date": "2024-02-01"], 422, "leaving_date"),
                (Self.record("NV0003", email: "MAI@hoabinh.vn"), 409, "email"), (Self.record("nv0001"), 409, "employee_code"),
                (Self.record("NV0003", name: " "), 422, "full_name"), (Self.record("NV0003") + ["phone": "12"], 422, "phone"),
            ]
            for (body, status, field) in cases {
                let refused = try await api.call(.post, "/hr/employees", token: hr, json: body)
                #expect(refused.status.code == status, "\(body)")
                #expect(refused.errorField == field, "\(body)")
            }
            let listed = try await api.call(.get, "/hr/employees", token: hr)
            #expect((listed.json["employees"] as? [[String: Any]])?.map { $0["employee_code"] as? String } == ["NV0001"])
            let users = try await TestDatabase.asAdmin { admin in
                try await admin.reading(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.value("SELECT count(*)::bigint FROM portal_users", as: Int.self, logger: TestDatabase.logger)
                }
            }
            #expect(users == 1)
        }
    }

    @Test("a leaving date that has passed ends the account at once: the open session's next request, then sign-in says so; a later date lets them in")
    func leaving() async throws {
        let tenant = try await Self.office()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let hr = try await api.staffSession("lan")
            let created = try await api.call(.post, "/hr/employees", token: hr, json: Self.record("NV0001"))
            let password = try #require((created.json["first_sign_in"] as? [String: Any])?["password"] as? String)
            let session = try await api.staffSession("nv0001", password: password)
            #expect(try await api.call(.get, "/me", token: session).status == .ok)
            // A date still ahead changes nothing yet.
            let ahead = tenant.today().adding(days: 30).description
            #expect(try await api.call(.patch, "/hr/employees/NV0001", token: hr, json: ["leaving_date": ahead]).json["employed"] as? Bool == true)
            #expect(try await api.call(.get, "/me", token: session).status == .ok)

            let yesterday = tenant.today().adding(days: -1).description
            let left = try await api.call(.patch, "/hr/employees/nv0001", token: hr, json: ["leaving_date": yesterday])
            #expect(left.json["employed"] as? Bool == false)
            #expect(try await api.call(.get, "/me", token: session).status == .unauthorized)
            let refused = try await api.call(.post, "/sessions", json: ["username": "nv0001", "password": password])
            #expect(refused.status == .forbidden)
            #expect(refused.errorCode == "account_ended")
            // A wrong password is still only a wrong password.
            #expect(try await api.call(.post, "/sessions", json: ["username": "nv0001", "password": "sai-mat-khau-1"]).errorCode == "sign_in_failed")

            #expect(try await api.call(.patch, "/hr/employees/NV0001", token: hr, json: ["leaving_date": ""]).json["employed"] as? Bool == true)
            #expect(try await api.call(.post, "/sessions", json: ["username": "nv0001", "password": password]).status == .created)
            #expect(try await api.call(.patch, "/hr/employees/NV0009", token: hr, json: ["leaving_date": yesterday]).status == .notFound)

            // Every change is in the tenant's audit log with the record before and after.
            let logged = try await TestDatabase.asAdmin { admin in
                try await admin.reading(tenant.scope, logger: TestDatabase.logger) { connection in
                    try await connection.rows(
                        "SELECT detail->'before'->>'leavingDate', detail->'after'->>'leavingDate' FROM audit_events WHERE action = 'hr.employee.changed' ORDER BY id",
                        as: (String?, String?).self,
                        logger: TestDatabase.logger
                    )
                }
            }
            #expect(logged.map(\.1) == [ahead, yesterday, nil])
            #expect(logged.map(\.0) == [nil, ahead, yesterday])
        }
    }

    @Test("the list filters by department, employed or left, and finds a name typed without its diacritics")
    func list() async throws {
        let tenant = try await Self.office()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let hr = try await api.staffSession("lan")
            for (code, name, department) in [
                ("NV0001", "Nguyễn Văn Đức", "Kế toán"), ("NV0002", "Trần Thị Mai", "Kinh doanh"), ("NV0003", "Lê Đức Anh", "Kế toán"),
            ] {
                _ = try await api.call(.post, "/hr/employees", token: hr, json: Self.record(code, name: name, department: department))
            }
            _ = try await api.call(.patch, "/hr/employees/NV0003", token: hr, json: ["leaving_date": tenant.today().description])
            func codes(_ query: String) async throws -> [String] {
                let listed = try await api.call(.get, "/hr/employees?\(query)", token: hr)
                return (listed.json["employees"] as? [[String: Any]])?.compactMap { $0["employee_code"] as? String } ?? []
            }
            #expect(try await codes("department=K%E1%BA%BF%20to%C3%A1n") == ["NV0001", "NV0003"])
            #expect(try await codes("employed=1") == ["NV0001", "NV0002"])
            #expect(try await codes("employed=0") == ["NV0003"])
            #expect(try await codes("q=duc") == ["NV0001", "NV0003"])
            #expect(try await codes("q=nguyen%20van%20duc") == ["NV0001"])
            #expect(try await codes("q=nv0002") == ["NV0002"])
            #expect(try await api.call(.get, "/hr/employees?employed=maybe", token: hr).errorField == "employed")
        }
    }

    @Test("administrators set how new employees first sign in: with `password`, one with an email gets a password too")
    func activation() async throws {
        let tenant = try await Self.office()
        try await PortalFixtures.staff(tenant, "huong", role: .admin)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let (hr, admin) = (try await api.staffSession("lan"), try await api.staffSession("huong"))
            #expect(try await api.call(.get, "/hr/settings", token: hr).json["activation"] as? String == "link")
            #expect(try await api.call(.put, "/hr/settings", token: hr, json: ["activation": "password"]).status == .forbidden)
            #expect(try await api.call(.put, "/hr/settings", token: admin, json: ["activation": "sms"]).errorField == "activation")
            #expect(
                try await api.call(.put, "/hr/settings", token: admin, json: ["activation": "password"]).json["activation"] as? String == "password"
            )
            let created = try await api.call(.post, "/hr/employees", token: hr, json: Self.record("NV0001", email: "duc.nv@hoabinh.vn"))
            #expect((created.json["first_sign_in"] as? [String: Any])?["kind"] as? String == "password")
            #expect(try await InvitationTests.mails(tenant).isEmpty)
        }
    }

    @Test("a tenant without module hr has none of its routes")
    func gated() async throws {
        let tenant = try await PortalFixtures.tenant(modules: "it")
        try await PortalFixtures.staff(tenant, "lan", role: .admin)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let admin = try await api.staffSession("lan")
            #expect(try await api.call(.get, "/hr/employees", token: admin).status == .notFound)
        }
    }
}
