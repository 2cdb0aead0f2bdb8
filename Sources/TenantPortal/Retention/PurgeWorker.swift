import Logging
import PGStore
import ServiceLifecycle

/// Runs the purge about once an hour, on one instance at a time: every instance looks every few
/// minutes, and only the one that claims the due run (`RetentionStore.claimPurge`) purges.
struct PurgeWorker: Service {
    let database: Database
    let purge: Purge
    let logger: Logger
    var interval: Duration = .seconds(3600)
    var lookEvery: Duration = .seconds(300)

    func run() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let claimed = try await database.withConnection(logger: logger) { connection in
                    try await RetentionStore().claimPurge(every: interval, on: connection, logger: logger)
                }
                if claimed {
                    let reports = try await purge.run(dryRun: false, logger: logger)
                    let removed = reports.flatMap(\.removed).reduce(0) { $0 + $1.count }
                    logger.info("purge done", metadata: ["tenants": "\(reports.count)", "rows_removed": "\(removed)"])
                }
            } catch {
                logger.error("purge failed", metadata: ["reason": "\(error.operatorMessage)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: lookEvery) }
        }
    }
}
