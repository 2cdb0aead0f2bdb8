import Logging
import PGStore
import ServiceLifecycle

/// What an instance keeps per tenant and must drop when the tenant's rows change elsewhere.
protocol TenantCache: Sendable {
    func forget(schema: String)
    func forgetAll()
}

/// Empties tenants' cached copies whenever their rows change, on every instance: one LISTEN
/// connection hears the tenant migrations' notifications from any writer (`TenantChanges`). While
/// the connection is down nothing can be trusted, so every entry is dropped when it drops and again
/// once it listens anew.
final class TenantChangeWatch: Service {
    private let database: Database
    private let changes: TenantChanges
    private let caches: [any TenantCache]
    private let logger: Logger

    init(database: Database, changes: TenantChanges, caches: [any TenantCache], logger: Logger) {
        self.database = database
        self.changes = changes
        self.caches = caches
        self.logger = logger
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.database.listen(for: self.changes, logger: self.logger, listening: self.forgetAll) { schema in
                        for cache in self.caches { cache.forget(schema: schema) }
                    }
                } catch {
                    if Task.isCancelled { return }
                    self.logger.warning(
                        "\(self.changes.rawValue) listener lost its connection; reconnecting",
                        metadata: ["reason": "\(error.operatorMessage)"]
                    )
                }
                self.forgetAll()
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func forgetAll() {
        for cache in caches { cache.forgetAll() }
    }
}
