import PGStore
import PortalTestSupport
import Synchronization
import Testing

@testable import TenantPortal

/// The per-tenant settings kept in memory: what empties them, and a read that raced a change.
@Suite("Tenant memo")
struct TenantMemoTests {
    /// Counts its reads; `during` runs inside each read, as a change heard meanwhile would.
    final class Reader: Sendable {
        let reads = Mutex(0)
        let during = Mutex<(@Sendable () -> Void)?>(nil)

        func read() -> Int {
            during.withLock { $0 }?()
            return reads.withLock { count in
                count += 1
                return count
            }
        }
    }

    @Test("kept until forgotten, by tenant or by schema; a read that raced a forget is handed out but not kept")
    func forgetsAndRaces() async throws {
        let tenant = try await makeTenant()
        let reader = Reader()
        let memo = TenantMemo { _, _ in reader.read() }
        let logger = TestDatabase.logger
        // Each value handed out, in order; what the memo does between them is written beside it.
        let seen = try await TestDatabase.asService { service in
            try await service.withConnection(logger: logger) { connection -> [Int] in
                var seen: [Int] = []
                func ask() async throws { seen.append(try await memo.value(of: tenant, on: connection, logger: logger)) }
                try await ask()  // read: 1
                try await ask()  // kept: 1
                memo.forget(schema: tenant.scope.schema.name)
                try await ask()  // read: 2
                memo.forget(tenant)
                try await ask()  // read: 3
                memo.forget(tenant)
                reader.during.withLock { $0 = { memo.forgetAll() } }
                try await ask()  // read: 4, emptied while it ran
                reader.during.withLock { $0 = nil }
                try await ask()  // 4 was not kept: read 5
                try await ask()  // kept: 5
                return seen
            }
        }
        #expect(seen == [1, 1, 2, 3, 4, 5, 5])
    }
}
