import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import TenantPortal

/// A JSON caller for one tenant's API inside `withPortal`.
struct APIClient: Sendable {
    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
        var errorCode: String? { error["code"] as? String }
        var errorField: String? { error["field"] as? String }
        var errorMessage: String { error["message"] as? String ?? "" }
    }

    let client: any TestClientProtocol
    let tenant: Tenant

    func call(
        _ method: HTTPRequest.Method,
        _ path: String,
        token: String? = nil,
        json: [String: Any]? = nil,
        headers: HTTPFields = [:]
    ) async throws -> Reply {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            fields[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
        return try await client.execute(uri: "/t/\(tenant.slug)/api/v1\(path)", method: method, headers: fields, body: body) { response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }

    /// Sends `data` as the body, of `contentType` (a file as it is uploaded).
    func send(_ method: HTTPRequest.Method, _ path: String, token: String?, data: Data, contentType: String) async throws -> Reply {
        var fields: HTTPFields = [.contentType: contentType]
        if let token { fields[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: "/t/\(tenant.slug)/api/v1\(path)", method: method, headers: fields, body: ByteBuffer(bytes: data)) {
            response in
            Reply(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
        }
    }

    /// Moves a support ticket as staff through `stages` (by default to resolved), expecting each move to succeed.
    func move(_ code: String, staff: String, through stages: [String] = ["in_progress", "resolved"]) async throws {
        for stage in stages {
            let moved = try await call(.post, "/tickets/\(code)/transitions", token: staff, json: ["to": stage])
            guard moved.status == .ok else { throw APIClientError.unexpected(moved.status.code, "move \(code) to \(stage)") }
        }
    }

    /// Files a request as `token` and returns its code.
    func file(
        token: String,
        title: String = "Không in được hóa đơn",
        email: String = "lan@anphat.vn",
        phone: String = "0912345678"
    ) async throws -> String {
        let reply = try await call(.post, "/tickets", token: token, json: Self.request(title: title, email: email, phone: phone))
        return reply.json["code"] as? String ?? "(status \(reply.status.code))"
    }

    static func request(title: String = "Không in được hóa đơn", email: String = "lan@anphat.vn", phone: String = "0912345678") -> [String: Any] {
        [
            "title": title, "content": "Màn hình báo lỗi khi in hóa đơn đỏ.",
            "contact": ["name": "Nguyễn Thị Lan", "email": email, "phone": phone],
        ]
    }

    /// Whether `call` answers `status` within `limit`, asking every 10 ms: a change to sign-ins made
    /// by another process or instance reaches this one's memory within milliseconds, not at once.
    static func eventually(_ status: HTTPResponse.Status, within limit: Duration = .seconds(2), _ call: () async throws -> Reply) async throws -> Bool
    {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try await call().status == status { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// Signs a staff member in and returns the session token.
    func staffSession(_ username: String, password: String = PortalFixtures.staffPassword) async throws -> String {
        let reply = try await call(.post, "/sessions", json: ["username": username, "password": password])
        return reply.json["token"] as? String ?? "(status \(reply.status.code))"
    }
}

/// Tenants, tokens and staff made through the product's own services.
enum PortalFixtures {
    static let staffPassword = "mat-khau-dai-1"

    static func tenant(modules: String = "it,care") async throws -> Tenant {
        try await TestDatabase.asAdmin { admin in
            let new = try NewTenant(slug: TestDatabase.uniqueSlug(), displayName: "Công ty Phần mềm An Phát", modules: modules)
            return try await TenantOnboarding(provisioner: TestDatabase.provisioner(admin)).create(new, actor: "tests", logger: TestDatabase.logger)
        }
    }

    static func token(
        _ tenant: Tenant,
        customer: String = "Công ty Bia Sài Gòn",
        warrantyUntil: Date? = nil,
        admins: [Customer.Admin] = []
    ) async throws -> String {
        try await TestDatabase.asAdmin { admin in
            try await Accounts(database: admin).issueToken(
                tenant: tenant,
                customer: customer,
                warrantyUntil: warrantyUntil,
                admins: admins,
                logger: TestDatabase.logger
            ).token
        }
    }

    /// `staffPassword` hashed once for the whole run: the suite makes a staff member in most of its
    /// tests, and hashing each at the service's cost kept the password pool so busy that a
    /// sign-in queued behind it could wait past a test client's timeout.
    static let staffPasswordHash = Task { try await Secrets.hashPassword(staffPassword) }

    /// A staff member signing in with `staffPassword`; a username another account holds is
    /// `usernameTaken`, as `Accounts.createStaff` says it.
    static func staff(_ tenant: Tenant, _ username: String, role: StaffMember.Role = .agent, team: String = "ho-tro") async throws {
        let hash = try await staffPasswordHash.value
        do {
            try await TestDatabase.asAdmin { admin in
                try await admin.withTenant(tenant.scope, logger: TestDatabase.logger) { connection in
                    _ = try await AccessStore().createStaff(
                        username: username,
                        displayName: "Trần Văn \(username)",
                        passwordHash: hash,
                        role: role,
                        team: team,
                        on: connection,
                        logger: TestDatabase.logger
                    )
                }
            }
        } catch let error where error.sqlState == "23505" {
            throw Accounts.Failure.usernameTaken(username)
        }
    }
}

extension PortalFixtures {
    /// A tenant with a staff administrator `hoa` and an agent `minh`, for the administrators' pages.
    static func tenantWithAdminAndAgent() async throws -> Tenant {
        let tenant = try await Self.tenant()
        try await staff(tenant, "hoa", role: .admin)
        try await staff(tenant, "minh")
        return tenant
    }

    static func portalUser(_ tenant: Tenant, _ username: String, kind: String = "agent", endsOn: String? = nil) async throws {
        let user = try await Accounts.NewPortalUser(
            username: username,
            displayName: "Đại lý \(username)",
            kind: kind,
            endsOn: endsOn,
            password: staffPassword
        )
        try await TestDatabase.asAdmin { admin in
            try await Accounts(database: admin).createPortalUser(user, tenant: tenant, logger: TestDatabase.logger)
        }
    }
}

enum APIClientError: Error {
    case unexpected(Int, String)
}
