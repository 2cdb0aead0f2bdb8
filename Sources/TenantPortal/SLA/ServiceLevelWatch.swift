import Foundation
import Logging
import PGStore
import ServiceLifecycle

/// Looks at tickets when their next service-level warning or due time comes (PRODUCT.md B10):
/// claims due timers of every tenant from `platform.sla_timers` with `FOR UPDATE SKIP LOCKED`, so
/// several instances share the work without looking at one ticket twice, and reviews each ticket in
/// its tenant's scope, which raises what is due and schedules the next look.
struct ServiceLevelWatch: Service {
    let database: Database
    let directory: TenantDirectory
    let desk: RequestDesk
    let logger: Logger
    var idlePause: Duration = .seconds(1)
    var batchSize = 50
    private let store = ServiceLevelStore()

    func run() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var claimed = 0
            do {
                claimed = try await reviewDue()
            } catch {
                logger.error("service-level watch failed", metadata: ["reason": "\(error.operatorMessage)"])
            }
            if claimed < batchSize {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: idlePause) }
            }
        }
    }

    /// One round; returns how many timers were due.
    @discardableResult
    func reviewDue() async throws -> Int {
        let due = try await database.withConnection(logger: logger) { connection in
            try await store.claimTimers(limit: batchSize, lease: .seconds(60), on: connection, logger: logger)
        }
        for timer in due {
            do {
                guard let tenant = try await directory.tenant(TenantSlug(schemaName: timer.tenantRole), logger: logger), tenant.status == .active
                else { continue }
                try await desk.reviewServiceLevels(ticketID: timer.ticketID, tenant: tenant, logger: logger)
            } catch {
                // The timer's lease runs out and the ticket is looked at again then.
                logger.warning(
                    "service-level review failed",
                    metadata: ["tenant": "\(timer.tenantRole)", "ticket_id": "\(timer.ticketID)", "reason": "\(error.operatorMessage)"]
                )
            }
        }
        return due.count
    }
}
