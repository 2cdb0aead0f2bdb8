import Logging
import PostgresNIO

/// What the purge removes (PRODUCT.md I4: nothing grows without end): the tenant's
/// `purge_expired` (tenant migration 0023) and the platform's schedule (platform 0006).
public struct RetentionStore: Sendable {
    public init() {}

    /// Removes (or, `dryRun`, only counts) the tenant's rows that have outlived their use, on a
    /// connection in its scope; how many of each kind, in a fixed order.
    public func purge(
        outboxDays: Int,
        dryRun: Bool,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [(kind: String, removed: Int)] {
        try await connection.rows(
            "SELECT kind, removed FROM purge_expired(\(outboxDays)::integer, \(dryRun))",
            as: (String, Int).self,
            logger: logger
        ).map { (kind: $0, removed: $1) }
    }

    /// Whether this caller won the purge that is due now; the winner moves the next one `interval`
    /// on in the same statement, so instances that look at once never purge twice.
    public func claimPurge(every interval: Duration, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.value(
            """
            UPDATE platform.purge_schedule SET next_run_at = now() + make_interval(secs => \(Double(interval.components.seconds)))
            WHERE next_run_at <= now() RETURNING true
            """,
            as: Bool.self,
            logger: logger
        ) ?? false
    }
}
