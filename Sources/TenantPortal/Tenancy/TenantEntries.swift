import PGStore
import Synchronization

/// One value per tenant kept in memory until forgotten, or until `freshFor` has passed (a
/// backstop): the bookkeeping `TenantMemo` and `TenantDirectory` share. A value read before a
/// forget is not kept after it, since the notification behind the forget can arrive while the
/// read is under way.
final class TenantEntries<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var fetched: ContinuousClock.Instant
    }

    private struct State {
        var entries: [TenantSlug: Entry] = [:]
        /// Bumped by every forget.
        var forgets = 0
    }

    private let freshFor: Duration
    private let state = Mutex(State())

    init(freshFor: Duration) {
        self.freshFor = freshFor
    }

    /// The tenant's value if still fresh, and the mark to keep a new read by.
    func lookUp(_ slug: TenantSlug, at now: ContinuousClock.Instant) -> (fresh: Value?, mark: Int) {
        state.withLock { state in
            (state.entries[slug].flatMap { now - $0.fetched < freshFor ? $0.value : nil }, state.forgets)
        }
    }

    /// Keeps `value` (nil: nothing to keep) as read at `now`, unless a forget came after `lookUp`
    /// gave `mark`.
    func keep(_ value: Value?, for slug: TenantSlug, readAt now: ContinuousClock.Instant, mark: Int) {
        state.withLock { state in
            if state.forgets == mark { state.entries[slug] = value.map { Entry(value: $0, fetched: now) } }
        }
    }

    func forget(_ slug: TenantSlug) {
        state.withLock { state in
            state.entries[slug] = nil
            state.forgets &+= 1
        }
    }

    /// For a notification, whose payload is the tenant's schema.
    func forget(schema: String) {
        guard let slug = try? TenantSlug(schemaName: schema) else { return }
        forget(slug)
    }

    func forgetAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.forgets &+= 1
        }
    }
}
