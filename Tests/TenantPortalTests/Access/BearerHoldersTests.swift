import Foundation
import Testing

@testable import PGStore
@testable import TenantPortal

/// The in-memory bearer holders (I4): what is kept, for how long, and what empties it.
@Suite("Bearer holders")
struct BearerHoldersTests {
    static let staff = Principal.staff(StaffMember(id: 1, username: "hoa", displayName: "Hoa", role: .agent, team: ""))
    static let digest: [UInt8] = Array(repeating: 7, count: 32)

    @Test("kept per tenant until forgotten; another tenant's entries stay")
    func perTenant() {
        let holders = BearerHolders()
        holders.keep(Self.staff, validUntil: nil, schema: "t_a", digest: Self.digest, ifStill: holders.generation(schema: "t_a"))
        holders.keep(Self.staff, validUntil: nil, schema: "t_b", digest: Self.digest, ifStill: holders.generation(schema: "t_b"))
        #expect(holders.principal(schema: "t_a", digest: Self.digest) == Self.staff)
        #expect(holders.principal(schema: "t_a", digest: Array(repeating: 8, count: 32)) == nil)
        holders.forget(schema: "t_a")
        #expect(holders.principal(schema: "t_a", digest: Self.digest) == nil)
        #expect(holders.principal(schema: "t_b", digest: Self.digest) == Self.staff)
        holders.forgetAll()
        #expect(holders.principal(schema: "t_b", digest: Self.digest) == nil)
    }

    @Test("a holder read before a change is not kept after the change emptied the tenant")
    func readBeforeChange() {
        let holders = BearerHolders()
        let before = holders.generation(schema: "t_a")
        holders.forget(schema: "t_a")
        holders.keep(Self.staff, validUntil: nil, schema: "t_a", digest: Self.digest, ifStill: before)
        #expect(holders.principal(schema: "t_a", digest: Self.digest) == nil)
        let beforeAll = holders.generation(schema: "t_a")
        holders.forgetAll()
        holders.keep(Self.staff, validUntil: nil, schema: "t_a", digest: Self.digest, ifStill: beforeAll)
        #expect(holders.principal(schema: "t_a", digest: Self.digest) == nil)
    }

    @Test("an entry ends with the session or after its freshness, whichever is first")
    func expiry() async throws {
        let holders = BearerHolders(freshFor: .seconds(60))
        // Wide margins: the suite runs in parallel on a busy machine.
        holders.keep(Self.staff, validUntil: Date().addingTimeInterval(1), schema: "t_a", digest: Self.digest, ifStill: 0)
        #expect(holders.principal(schema: "t_a", digest: Self.digest) == Self.staff)
        try await Task.sleep(for: .milliseconds(1_200))
        #expect(holders.principal(schema: "t_a", digest: Self.digest) == nil)

        let brief = BearerHolders(freshFor: .milliseconds(50))
        brief.keep(Self.staff, validUntil: Date().addingTimeInterval(3600), schema: "t_a", digest: Self.digest, ifStill: 0)
        try await Task.sleep(for: .milliseconds(80))
        #expect(brief.principal(schema: "t_a", digest: Self.digest) == nil)
    }

    @Test("past its capacity it starts over rather than grow")
    func capacity() {
        let holders = BearerHolders(capacity: 3)
        for byte in UInt8(0)..<4 {
            holders.keep(Self.staff, validUntil: nil, schema: "t_a", digest: [byte], ifStill: 0)
        }
        #expect(holders.principal(schema: "t_a", digest: [3]) == Self.staff)
        #expect(holders.principal(schema: "t_a", digest: [0]) == nil)
    }
}
