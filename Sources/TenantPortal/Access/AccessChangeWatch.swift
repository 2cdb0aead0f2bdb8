import Logging
import PGStore
import ServiceLifecycle

/// Empties a tenant's cached bearer holders (`BearerHolders`) whenever its sign-ins change, on
/// every instance: one LISTEN connection hears `portal_access_changes` from any writer. While the
/// connection is down nothing can be trusted, so every entry is dropped when it drops and again once
/// it listens anew.
final class AccessChangeWatch: Service {
    private let database: Database
    private let holders: BearerHolders
    private let logger: Logger

    init(database: Database, holders: BearerHolders, logger: Logger) {
        self.database = database
        self.holders = holders
        self.logger = logger
    }

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.database.listenForAccessChanges(logger: self.logger, listening: { self.holders.forgetAll() }) { schema in
                        self.holders.forget(schema: schema)
                    }
                } catch {
                    if Task.isCancelled { return }
                    self.logger.warning(
                        "access change listener lost its connection; reconnecting", metadata: ["reason": "\(error.operatorMessage)"])
                }
                self.holders.forgetAll()
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
