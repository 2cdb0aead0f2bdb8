import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport

@testable import TenantPortal

/// Runs `body` against the real service (router, middleware, pool on the service login, or on
/// `database` when given: a pooler in front of it), without opening a port unless `mode` is `.live`.
@discardableResult
func withPortal<Value: Sendable>(
    database: DatabaseURL? = nil,
    attachmentLimits: AttachmentLimits = AttachmentLimits(),
    mail: MailOptions? = nil,
    trustedProxies: TrustedProxies = .none,
    mode: TestingSetup = .router,
    features: [any PortalFeature.Type] = PortalFeatures.all,
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value
) async throws -> Value {
    let options = ServeOptions(
        host: "127.0.0.1",
        port: 0,
        database: try database ?? TestDatabase.serviceURL(),
        poolSize: 4,
        links: testLinks,
        mail: mail,
        attachmentLimits: attachmentLimits,
        trustedProxies: trustedProxies,
        listenDatabase: try TestDatabase.serviceURL(),
        outboxRetentionDays: nil
    )
    let app = try buildApplication(options, features: features, logger: TestDatabase.logger)
    return try await app.test(mode, body)
}

/// Links as the tests' portal signs them.
let testLinks = PortalLinks(baseURL: "http://portal.test", secret: "test-link-secret-0123456789abcdefghij")

/// A tenant made through the product's own provisioning on the admin login.
func makeTenant(name: String = "Công ty Phần mềm An Phát") async throws -> Tenant {
    try await TestDatabase.asAdmin { try await TestDatabase.createTenant($0, name: name) }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
