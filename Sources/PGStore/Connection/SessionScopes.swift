import PostgresNIO
import Synchronization

/// Which pooled connections hold a tenant's role and search path at session level, left there by
/// `Database.reading`. Reads skip the scope round trip when a connection already serves their tenant;
/// every other lease on such a connection resets it first, so a scope never reaches work it was not
/// meant for. A connection's entry goes when the connection closes.
final class SessionScopes: Sendable {
    enum State: Equatable {
        /// The login's own role and the default search path, as a new connection has them.
        case platform
        case tenant(TenantScope)
        /// A scope change that may or may not have reached the server (it failed or was cancelled).
        case unknown
    }

    private let states = Mutex<[PostgresConnection.ID: State]>([:])

    func state(of connection: PostgresConnection) -> State {
        states.withLock { $0[connection.id] } ?? .platform
    }

    func record(_ state: State, for connection: PostgresConnection) {
        let id = connection.id
        let isNew = states.withLock { $0.updateValue(state, forKey: id) == nil }
        if isNew {
            connection.closeFuture.whenComplete { [self] _ in _ = states.withLock { $0.removeValue(forKey: id) } }
        }
    }
}
