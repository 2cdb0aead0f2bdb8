import Foundation
import Logging
import PGStore
import ServiceLifecycle
import Synchronization

/// Wakes the live streams of a ticket when its timeline grows (PRODUCT.md B15), whichever server
/// instance made the change: one LISTEN connection per instance hears every commit. A wake carries
/// no data; the stream reads what is new in its own tenant scope. Streams are also woken every
/// `heartbeat`, so idle ones write a keep-alive and notice a client that left; when the listening
/// connection drops, every stream is woken (it may have missed something) and the feed reconnects.
/// A stream may watch one ticket, or every ticket of a tenant (the staff's ticket table).
public final class TicketFeed: Service {
    public enum Wake: Sendable {
        case changed, heartbeat
    }

    struct Key: Hashable {
        var schema: String
        /// nil: every ticket of the schema.
        var ticketID: Int?
    }

    private let database: Database
    private let logger: Logger
    private let heartbeat: Duration
    private let watchers = Mutex<[Key: [UUID: AsyncStream<Wake>.Continuation]]>([:])

    public init(database: Database, logger: Logger, heartbeat: Duration = .seconds(15)) {
        self.database = database
        self.logger = logger
        self.heartbeat = heartbeat
    }

    /// A stream of wakes for one ticket (or, with nil, for every ticket of the schema), ending when
    /// the feed stops; call `stop` when done with it.
    func watch(schema: String, ticketID: Int?) -> (wakes: AsyncStream<Wake>, stop: @Sendable () -> Void) {
        let key = Key(schema: schema, ticketID: ticketID)
        let id = UUID()
        // Only the newest wake matters: a stream that is busy writing reads everything new next time.
        let (stream, continuation) = AsyncStream.makeStream(of: Wake.self, bufferingPolicy: .bufferingNewest(1))
        watchers.withLock { $0[key, default: [:]][id] = continuation }
        return (
            stream,
            { [weak self] in
                continuation.finish()
                self?.watchers.withLock { watchers in
                    watchers[key]?[id] = nil
                    if watchers[key]?.isEmpty == true { watchers[key] = nil }
                }
            }
        )
    }

    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.beat() }
            group.addTask { await self.listen() }
            try? await gracefulShutdown()
            group.cancelAll()
        }
        let all = watchers.withLock { watchers in
            defer { watchers = [:] }
            return watchers.values.flatMap(\.values)
        }
        for watcher in all { watcher.finish() }
    }

    private func listen() async {
        while !Task.isCancelled {
            do {
                try await database.listenForTicketChanges(logger: logger) { schema, ticketID in
                    self.wake(Key(schema: schema, ticketID: ticketID), .changed)
                    self.wake(Key(schema: schema, ticketID: nil), .changed)
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("ticket change listener lost its connection; reconnecting", metadata: ["reason": "\(error.operatorMessage)"])
            }
            wakeAll(.changed)
            try? await Task.sleep(for: .seconds(1))
        }
    }

    private func beat() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: heartbeat)
            wakeAll(.heartbeat)
        }
    }

    private func wake(_ key: Key, _ wake: Wake) {
        for continuation in watchers.withLock({ Array(($0[key] ?? [:]).values) }) {
            continuation.yield(wake)
        }
    }

    private func wakeAll(_ wake: Wake) {
        for continuation in watchers.withLock({ $0.values.flatMap(\.values) }) {
            continuation.yield(wake)
        }
    }
}
