import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PGStore
import PortalTestSupport
import Testing

@testable import TenantPortal

/// Sign-in limits that stop guessers without locking owners out (`SignInLimit`), seen from several
/// client addresses behind a trusted proxy.
@Suite("Sign-in limits per username and address")
struct SignInLimitTests {
    /// Calls as the client at `address`, which the trusted proxy (loopback) names.
    struct Client {
        let client: any TestClientProtocol
        let tenant: Tenant

        func signIn(_ username: String, _ password: String, from address: String) async throws -> (HTTPResponse.Status, Int?) {
            let body = try JSONSerialization.data(withJSONObject: ["username": username, "password": password])
            return try await client.execute(
                uri: "/t/\(tenant.slug)/api/v1/sessions",
                method: .post,
                headers: [.contentType: "application/json", .forwardedFor: address],
                body: ByteBuffer(bytes: body)
            ) { ($0.status, $0.headers[.retryAfter].flatMap { Int($0) }) }
        }

        func track(_ code: String, digits: String, from address: String) async throws -> HTTPResponse.Status {
            try await client.execute(uri: "/t/\(tenant.slug)/track?code=\(code)&phone=\(digits)", method: .get, headers: [.forwardedFor: address]) {
                $0.status
            }
        }
    }

    @Test("five wrong passwords from one address lock that address out for that username; the owner elsewhere still gets in")
    func ownerElsewhereGetsIn() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal(trustedProxies: try TrustedProxies("127.0.0.1"), mode: .live) { client in
            let caller = Client(client: client, tenant: tenant)
            for _ in 0..<SignInLimit.maxFailures {
                #expect(try await caller.signIn("hoa", "doan-sai", from: "198.51.100.9").0 == .unauthorized)
            }
            let locked = try await caller.signIn("hoa", PortalFixtures.staffPassword, from: "198.51.100.9")
            #expect(locked.0 == .tooManyRequests)
            #expect((locked.1 ?? 0) > 60)
            // The guesser's address is no lock on the owner's account.
            #expect(try await caller.signIn("hoa", PortalFixtures.staffPassword, from: "203.0.113.20").0 == .created)
            // Nor on other usernames from the guesser's address.
            #expect(try await caller.signIn("minh", "doan-sai", from: "198.51.100.9").0 == .unauthorized)
        }
    }

    @Test("a username failing from many addresses is slowed down with a short Retry-After, never locked: the owner gets in after it")
    func usernameSlowedNotLocked() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        try await withPortal(trustedProxies: try TrustedProxies("127.0.0.1"), mode: .live) { client in
            let caller = Client(client: client, tenant: tenant)
            // Two guesses from each address: no address reaches its own limit.
            for index in 0..<SignInLimit.slowUsernameAfter {
                #expect(try await caller.signIn("hoa", "doan-\(index)", from: "198.51.100.\(index / 2 + 1)").0 == .unauthorized)
            }
            let slowed = try await caller.signIn("hoa", PortalFixtures.staffPassword, from: "203.0.113.20")
            #expect(slowed.0 == .tooManyRequests)
            let wait = try #require(slowed.1)
            #expect(wait >= 1 && wait <= Int(SignInLimit.longestWait))
            try await Task.sleep(for: .seconds(wait))
            #expect(try await caller.signIn("hoa", PortalFixtures.staffPassword, from: "203.0.113.20").0 == .created)
        }
    }

    @Test("tracking misses count per address, never per code: a guesser cannot lock a ticket's tracking for its owner")
    func trackingPerAddress() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal(trustedProxies: try TrustedProxies("127.0.0.1"), mode: .live) { client in
            let code = try await APIClient(client: client, tenant: tenant).file(token: token, phone: "0912 345 678")
            let caller = Client(client: client, tenant: tenant)
            for _ in 0..<SignInLimit.maxFailures {
                #expect(try await caller.track(code, digits: "1111", from: "198.51.100.9") == .notFound)
            }
            #expect(try await caller.track(code, digits: "5678", from: "198.51.100.9") == .tooManyRequests)
            #expect(try await caller.track(code, digits: "5678", from: "203.0.113.20") == .ok)
        }
    }
}
