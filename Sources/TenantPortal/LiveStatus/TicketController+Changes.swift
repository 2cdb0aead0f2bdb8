import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PGStore
import Synchronization

/// `GET /tickets/changes`: the tenant's ticket changes as Server-Sent Events, for staff (B13, B15,
/// issue 18): each ticket filed or changed after `?since=` (microseconds since 1970, the time the
/// staff's table was made; default now) is one `ticket` event, `{code, new, updated_at}`, `new`
/// when it was filed after `since`. Fed by the instance's one LISTEN connection (`TicketFeed`,
/// every ticket of the tenant); the table marks the rows that changed and counts the new ones
/// instead of moving rows under the cursor. Ends, like a ticket's stream, when the session does.
extension TicketController {
    struct ChangeView: Encodable {
        var code: String
        var new: Bool
        var updatedAt: Date
    }

    @Sendable func changes(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let principal = context.principal
        try RequestDesk.requireStaff(principal)
        guard let bearer = context.bearer else { throw PortalError.notSignedIn }
        let (tenant, logger) = (context.tenant, context.logger)
        let start =
            try request.uri.queryParameters.get("since").map { text throws(PortalError) in
                // Years 1970-2999, as a list cursor's times.
                guard let micros = Int64(text), (0...32_503_680_000_000_000).contains(micros) else {
                    throw .invalid(field: "since", .outOfRange(0, 32_503_680_000_000_000))
                }
                return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
            } ?? Date()
        let desk = self.desk
        let since = Mutex(start)
        return liveStream(watching: nil, for: principal, bearer: bearer, tenant: tenant, logger: logger, opening: "changes") {
            var text = ""
            for change in try await desk.changes(since: since.withLock { $0 }, for: principal, tenant: tenant, logger: logger) {
                text += try Self.event("ticket", ChangeView(code: change.code, new: change.createdAt > start, updatedAt: change.updatedAt))
                since.withLock { $0 = max($0, change.updatedAt) }
            }
            return text
        }
    }
}
