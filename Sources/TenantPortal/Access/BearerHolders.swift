import Foundation
import PGStore
import Synchronization

/// Who holds each bearer value seen lately, per tenant, so that an authenticated request costs no
/// database round trip of its own (I4). An entry lasts `freshFor` at most, and never past the
/// session's end or the user's last day. Any change to a tenant's sign-ins, made by any instance
/// or by `portal-admin`, empties the tenant's entries on every instance within milliseconds
/// (`TenantChangeWatch`); the instance that made the change empties them before it answers.
final class BearerHolders: TenantCache {
    private struct Entry {
        var principal: Principal
        var until: ContinuousClock.Instant
    }

    private let freshFor: Duration
    private let capacity: Int
    private struct State {
        var byTenant: [String: [[UInt8]: Entry]] = [:]
        var count = 0
        /// Bumped by every `forget`: a holder read from the database before a change must not be
        /// kept after the change emptied the tenant's entries.
        var generations: [String: Int] = [:]
        var everything = 0
    }

    private let state = Mutex(State())

    /// `capacity`: entries kept across all tenants; past it everything is dropped and refilled.
    init(freshFor: Duration = .seconds(30), capacity: Int = 100_000) {
        self.freshFor = freshFor
        self.capacity = capacity
    }

    func principal(schema: String, digest: [UInt8]) -> Principal? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.byTenant[schema]?[digest] else { return nil }
            guard entry.until > now else {
                state.byTenant[schema]?[digest] = nil
                state.count -= 1
                return nil
            }
            return entry.principal
        }
    }

    /// The tenant's generation, to pass back to `keep`.
    func generation(schema: String) -> Int {
        state.withLock { $0.everything &+ ($0.generations[schema] ?? 0) }
    }

    func keep(_ principal: Principal, validUntil: Date?, schema: String, digest: [UInt8], ifStill generation: Int) {
        let now = ContinuousClock.now
        var until = now + freshFor
        if let validUntil {
            until = min(until, now + .milliseconds(Int64(validUntil.timeIntervalSinceNow * 1000)))
        }
        state.withLock { state in
            guard state.everything &+ (state.generations[schema] ?? 0) == generation else { return }
            if state.count >= capacity {
                state.byTenant = [:]
                state.count = 0
            }
            if state.byTenant[schema, default: [:]].updateValue(Entry(principal: principal, until: until), forKey: digest) == nil {
                state.count += 1
            }
        }
    }

    func forget(schema: String) {
        state.withLock { state in
            state.count -= state.byTenant.removeValue(forKey: schema)?.count ?? 0
            state.generations[schema, default: 0] &+= 1
        }
    }

    func forgetAll() {
        state.withLock { state in
            state.byTenant = [:]
            state.count = 0
            state.everything &+= 1
        }
    }
}
