import Foundation
import HTTPTypes
import Hummingbird
import PGStore
import ServiceLifecycle
import Synchronization

/// `GET /tickets/{code}/events`: the ticket's timeline as Server-Sent Events (PRODUCT.md B15), for
/// whoever may see the ticket. Each new entry is one event, its id the entry's id, its data the
/// entry with the ticket's stage, assignee and version after it. A client that reconnects with
/// `Last-Event-ID` (or asks `?after=`) first gets what it missed; otherwise it gets what is new.
/// The stream ends when its session is signed out or its token revoked (or the holder's role or
/// team changes): who holds the bearer is asked again at every wake, from memory.
extension TicketController {
    struct LiveEntryView: Encodable {
        struct TicketState: Encodable {
            var stage: StageView
            var assignee: String?
            var priority: String
            var version: Int
        }

        var entry: TicketView.EventView
        var ticket: TicketState
    }

    /// Whether the stream opened by `opened` goes on now that its bearer is held by `now`: the same
    /// account, and for staff the same role and team. A new display name or warranty date changes
    /// nothing the stream shows.
    static func mayGoOn(_ opened: Principal, _ now: Principal?) -> Bool {
        guard let now, now.key == opened.key else { return false }
        if case .staff(let before) = opened, case .staff(let after) = now {
            return before.role == after.role && before.team == after.team
        }
        return true
    }

    @Sendable func events(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let principal = context.principal
        guard let bearer = context.bearer else { throw PortalError.notSignedIn }
        let tenant = context.tenant
        let code = Self.code(context)
        let first = try await desk.ticket(code: code, for: principal, tenant: tenant, logger: context.logger)
        let resumeFrom = request.headers[.lastEventID] ?? request.uri.queryParameters.get("after")
        let resumeAfter =
            try resumeFrom.map { text throws(PortalError) in
                guard let id = Int(text), id >= 0 else { throw .invalid(field: "Last-Event-ID", .outOfRange(0, Int.max)) }
                return id
            } ?? (first.timeline.last?.id ?? 0)
        let language = context.language
        let logger = context.logger
        let desk = self.desk
        // What was sent last, kept across calls of the stream's closure.
        let sent = Mutex(resumeAfter)
        return liveStream(watching: first.ticket.id, for: principal, bearer: bearer, tenant: tenant, logger: logger, opening: first.ticket.code) {
            // Read now that the watch is on: nothing committed after this read is missed.
            let view = TicketView(try await desk.ticket(code: code, for: principal, tenant: tenant, logger: logger), for: principal, language)
            let state = LiveEntryView.TicketState(stage: view.stage, assignee: view.assignee, priority: view.priority, version: view.version)
            var text = ""
            for entry in view.timeline where entry.id > sent.withLock({ $0 }) {
                text += try Self.event("timeline", LiveEntryView(entry: entry, ticket: state), id: entry.id)
                sent.withLock { $0 = entry.id }
            }
            return text
        }
    }
}

extension HTTPField.Name {
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
}
