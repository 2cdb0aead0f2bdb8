import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import TenantPortal

/// Runs `body` against the real service (router, middleware, pool on the service login), without
/// opening a port unless `mode` is `.live`.
func withPortal(
    attachmentLimits: AttachmentLimits = AttachmentLimits(),
    mail: MailOptions? = nil,
    trustedProxies: TrustedProxies = .none,
    mode: TestingSetup = .router,
    _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let options = ServeOptions(
        host: "127.0.0.1", port: 0, database: try TestDatabase.serviceURL(), poolSize: 4, links: testLinks, mail: mail,
        attachmentLimits: attachmentLimits, trustedProxies: trustedProxies)
    let app = try buildApplication(options, logger: TestDatabase.logger)
    try await app.test(mode, body)
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
