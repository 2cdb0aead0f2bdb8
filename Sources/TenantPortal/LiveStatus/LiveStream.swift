import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PGStore
import ServiceLifecycle

/// What every live stream of the API shares (a ticket's events, the staff's ticket changes): the
/// Server-Sent Events response, and its loop. The loop writes what `changed` says at once and after
/// every wake that says something changed (`changed` reads in its own scope what is new and
/// gives the events to write), a keep-alive comment at every heartbeat, and ends when
/// the feed stops (the server shuts down: it need not wait for the stream), or when the bearer is
/// no longer held by who opened the stream (signed out, revoked, role or team changed): who holds
/// it is asked again at every wake, from memory.
extension TicketController {
    func liveStream(
        watching ticketID: Int?,
        for principal: Principal,
        bearer: String,
        tenant: Tenant,
        logger: Logger,
        opening: String,
        _ changed: @escaping @Sendable () async throws -> String
    ) -> Response {
        let watch = feed.watch(schema: tenant.slug.schemaName.name, ticketID: ticketID)
        let signIn = self.signIn
        let body = ResponseBody { writer in
            defer { watch.stop() }
            try await writer.write(ByteBuffer(string: ": \(opening)\n\n"))
            var wakes = watch.wakes.makeAsyncIterator()
            var wake: TicketFeed.Wake? = .changed
            try await withGracefulShutdownHandler {
                while let current = wake {
                    let text = current == .changed ? try await changed() : ": keep-alive\n\n"
                    if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
                    wake = await wakes.next()
                    if wake != nil {
                        let holder = try await signIn.principal(bearer: bearer, tenant: tenant, logger: logger)
                        guard Self.mayGoOn(principal, holder) else { break }
                    }
                }
            } onGracefulShutdown: {
                watch.stop()
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store", HTTPField.Name("X-Accel-Buffering")!: "no"],
            body: body
        )
    }

    /// One event: its name, its JSON data and, when given, its id.
    static func event(_ name: String, _ data: some Encodable, id: Int? = nil) throws -> String {
        let json = String(decoding: try APIJSON.encoder.encode(data), as: UTF8.self)
        return (id.map { "id: \($0)\n" } ?? "") + "event: \(name)\ndata: \(json)\n\n"
    }
}
