import Foundation
import Logging
import PostgresNIO

/// Tickets, their contacts, codes and timelines. SQL only; the rules are in TenantPortal's Requests
/// folder. Every function runs inside the tenant's scope.
public struct TicketStore: Sendable {
    public init() {}

    /// The next number for `prefix`. The counter row stays locked until the transaction ends, so
    /// concurrent creations queue here and codes have no gaps and no duplicates.
    public func nextNumber(prefix: String, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.value(
            """
            INSERT INTO ticket_counters (code_prefix, last_number) VALUES (\(prefix), 1)
            ON CONFLICT (code_prefix) DO UPDATE SET last_number = ticket_counters.last_number + 1
            RETURNING last_number
            """, as: Int.self, logger: logger)!
    }

    /// The contact with this email or phone, else a new one. Concurrent creations of the same new
    /// contact meet at the unique indexes; the loser reads the winner's row.
    public func contact(
        name: String, email: String, phone: String, customerID: Int?, on connection: PostgresConnection, logger: Logger
    ) async throws -> Contact {
        try await connection.query(
            """
            INSERT INTO contacts (customer_id, name, email, phone) VALUES (\(customerID), \(name), \(email), \(phone))
            ON CONFLICT DO NOTHING
            """, logger: logger)
        let (id, storedName, storedEmail, storedPhone) = try await connection.rows(
            """
            SELECT id, name, email, phone FROM contacts WHERE email = \(email) OR phone = \(phone)
            ORDER BY (email = \(email)) DESC, id LIMIT 1
            """, as: (Int, String, String, String).self, logger: logger)[0]
        return Contact(id: id, name: storedName, email: storedEmail, phone: storedPhone)
    }

    /// The contacts a customer organisation filed with before, newest first, to suggest on its form.
    public func contacts(customerID: Int, on connection: PostgresConnection, logger: Logger) async throws -> [Contact] {
        try await connection.rows(
            "SELECT id, name, email, phone FROM contacts WHERE customer_id = \(customerID) ORDER BY id DESC LIMIT 50",
            as: (Int, String, String, String).self, logger: logger
        ).map { Contact(id: $0, name: $1, email: $2, phone: $3) }
    }

    public struct NewTicket: Sendable {
        public var code: String
        public var ticketType: String
        public var title: String
        public var content: String
        public var priority: String
        public var customerID: Int?
        public var contactID: Int
        public var filedBy: String
        public var stage: String

        public init(
            code: String, ticketType: String, title: String, content: String, priority: String, customerID: Int?,
            contactID: Int, filedBy: String, stage: String
        ) {
            self.code = code
            self.ticketType = ticketType
            self.title = title
            self.content = content
            self.priority = priority
            self.customerID = customerID
            self.contactID = contactID
            self.filedBy = filedBy
            self.stage = stage
        }
    }

    public func insert(_ ticket: NewTicket, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.value(
            """
            INSERT INTO tickets (code, ticket_type, title, content, priority, customer_id, contact_id, filed_by, stage)
            VALUES (\(ticket.code), \(ticket.ticketType), \(ticket.title), \(ticket.content), \(ticket.priority),
                    \(ticket.customerID), \(ticket.contactID), \(ticket.filedBy), \(ticket.stage))
            RETURNING id
            """, as: Int.self, logger: logger)!
    }

    public struct NewEvent: Sendable {
        public var actor: Principal?
        public var kind: TicketEvent.Kind
        public var fromStage: String?
        public var toStage: String?
        public var body: String
        public var isPublic: Bool

        public init(actor: Principal?, kind: TicketEvent.Kind, fromStage: String? = nil, toStage: String? = nil, body: String = "", isPublic: Bool) {
            self.actor = actor
            self.kind = kind
            self.fromStage = fromStage
            self.toStage = toStage
            self.body = body
            self.isPublic = isPublic
        }
    }

    public func append(_ event: NewEvent, ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO ticket_events (ticket_id, actor_kind, actor_id, actor_name, kind, from_stage, to_stage, body, public)
            VALUES (\(ticketID), \(event.actor?.kind ?? "system"), \(event.actor?.id), \(event.actor?.displayName ?? "system"),
                    \(event.kind.rawValue), \(event.fromStage), \(event.toStage), \(event.body), \(event.isPublic))
            """, logger: logger)
    }

    static let ticketColumns = """
        t.id, t.code, t.ticket_type, t.title, t.content, t.priority, t.customer_id, c.id, c.name, c.email, c.phone,
        t.filed_by, s.id, s.username, s.display_name, t.team, t.stage, t.created_at, t.updated_at, t.version,
        t.first_response_due, t.resolution_due
        """
    /// How many cells `ticketColumns` fills; what a query selects after them starts here.
    static let ticketColumnCount = 22
    static let ticketTables = "FROM tickets t JOIN contacts c ON c.id = t.contact_id LEFT JOIN staff_members s ON s.id = t.assignee_id"

    public func ticket(code: String, on connection: PostgresConnection, logger: Logger) async throws -> Ticket? {
        try await tickets(connection.query("SELECT \(unescaped: Self.ticketColumns) \(unescaped: Self.ticketTables) WHERE t.code = \(code)", logger: logger)).first
    }

    /// The ticket with its timeline (only the public entries when `publicOnly`) and its files, in one
    /// round trip: reading a ticket is the portal's most frequent request. The tenant's
    /// `ticket_record` function (migration 0010) runs the query, so its plan is kept per connection
    /// and tenant; timeline and files come as arrays, one per column, in id order (NULL when none).
    public func record(code: String, publicOnly: Bool, on connection: PostgresConnection, logger: Logger) async throws -> TicketRecord? {
        let rows = try await connection.query("SELECT * FROM ticket_record(\(code), \(publicOnly))", logger: logger)
        for try await row in rows {
            let cells = PostgresRandomAccessRow(row)
            let base = Self.ticketColumnCount
            func array<T: PostgresArrayDecodable>(_ index: Int, _ type: T.Type = T.self) throws -> [T] where T._DecodableType == T {
                try cells[index].decode([T]?.self) ?? []
            }
            let (eventIDs, times, actorKinds, actorNames, kinds) = (try array(base + 0, Int.self), try array(base + 1, Date.self), try array(base + 2, String.self), try array(base + 3, String.self), try array(base + 4, String.self))
            let (fromStages, toStages, bodies, publics) = (try array(base + 5, String.self), try array(base + 6, String.self), try array(base + 7, String.self), try array(base + 8, Bool.self))
            let timeline = eventIDs.indices.map { i in
                TicketEvent(
                    id: eventIDs[i], occurredAt: times[i], actorKind: actorKinds[i], actorName: actorNames[i],
                    kind: .init(rawValue: kinds[i]) ?? .note, fromStage: fromStages[i].nonEmpty, toStage: toStages[i].nonEmpty,
                    body: bodies[i], isPublic: publics[i])
            }
            let (fileIDs, names, types, sizes, created) = (try array(base + 9, Int.self), try array(base + 10, String.self), try array(base + 11, String.self), try array(base + 12, Int.self), try array(base + 13, Date.self))
            let files = fileIDs.indices.map { i in
                AttachmentInfo(id: fileIDs[i], fileName: names[i], contentType: types[i], size: sizes[i], createdAt: created[i])
            }
            return TicketRecord(ticket: try ticket(cells), timeline: timeline, attachments: files)
        }
        return nil
    }

    /// A page of tickets, newest first, after `cursor`.
    public func list(
        _ filter: TicketFilter, visibility: TicketVisibility, after cursor: TicketCursor?, limit: Int,
        on connection: PostgresConnection, logger: Logger
    ) async throws -> [Ticket] {
        let (customer, filedBy): (Int?, String?) =
            switch visibility {
            case .all: (nil, nil)
            case .customer(let id): (id, nil)
            case .filedBy(let key): (nil, key)
            }
        let contactPattern = filter.contact.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%" }
        return try await tickets(
            connection.query(
                """
                SELECT \(unescaped: Self.ticketColumns) \(unescaped: Self.ticketTables)
                WHERE (\(customer)::bigint IS NULL OR t.customer_id = \(customer))
                  AND (\(filedBy)::text IS NULL OR t.filed_by = \(filedBy))
                  AND (\(filter.code)::text IS NULL OR t.code = \(filter.code))
                  AND (\(contactPattern)::text IS NULL OR c.name ILIKE \(contactPattern) OR c.email ILIKE \(contactPattern)
                       OR c.phone LIKE \(contactPattern))
                  AND (\(filter.from)::timestamptz IS NULL OR t.created_at >= \(filter.from))
                  AND (\(filter.to)::timestamptz IS NULL OR t.created_at < \(filter.to))
                  AND (\(filter.stage)::text IS NULL OR t.stage = \(filter.stage))
                  AND (\(cursor?.createdAt)::timestamptz IS NULL OR (t.created_at, t.id) < (\(cursor?.createdAt), \(cursor?.id)))
                ORDER BY t.created_at DESC, t.id DESC
                LIMIT \(limit)
                """, logger: logger))
    }

    /// The staff workspace's queues (issue 5): open tickets assigned to me, to my team, to nobody,
    /// and the ones whose next due time falls within two hours.
    public enum Queue: String, Sendable, CaseIterable {
        case mine, team, unassigned, soon
    }

    /// Fixed SQL per queue (never user text); `$1` is the staff member's id, `$2` their team.
    static func queueCondition(_ queue: Queue) -> String {
        switch queue {
        case .mine: "t.assignee_id = $1"
        case .team: "t.team = $2 AND $2 <> ''"
        case .unassigned: "t.assignee_id IS NULL"
        case .soon: "least(CASE WHEN t.first_response_at IS NULL THEN t.first_response_due END, t.resolution_due) < now() + interval '2 hours'"
        }
    }

    static let openTicket = "NOT EXISTS (SELECT 1 FROM workflow_stages w WHERE w.ticket_type = t.ticket_type AND w.stage = t.stage AND w.terminal)"

    /// How many open tickets each queue holds for staff member `staffID` of `team`.
    public func queueCounts(staffID: Int, team: String, on connection: PostgresConnection, logger: Logger) async throws -> [Queue: Int] {
        let columns = Queue.allCases.map { "count(*) FILTER (WHERE \(Self.queueCondition($0)))" }.joined(separator: ", ")
        var bindings = PostgresBindings()
        bindings.append(staffID)
        bindings.append(team)
        let row = try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT \(columns) FROM tickets t WHERE \(Self.openTicket)", binds: bindings), logger: logger)
        var counts: [Queue: Int] = [:]
        for try await cells in row {
            let random = PostgresRandomAccessRow(cells)
            for (index, queue) in Queue.allCases.enumerated() { counts[queue] = try random[index].decode(Int.self) }
        }
        return counts
    }

    /// The open tickets of one queue, most urgent due time first, then oldest.
    public func queue(_ queue: Queue, staffID: Int, team: String, limit: Int, on connection: PostgresConnection, logger: Logger) async throws -> [Ticket] {
        var bindings = PostgresBindings()
        bindings.append(staffID)
        bindings.append(team)
        bindings.append(limit)
        return try await tickets(
            connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT \(Self.ticketColumns) \(Self.ticketTables)
                        WHERE \(Self.openTicket) AND \(Self.queueCondition(queue))
                        ORDER BY least(CASE WHEN t.first_response_at IS NULL THEN t.first_response_due END, t.resolution_due) NULLS LAST, t.created_at
                        LIMIT $3
                        """, binds: bindings), logger: logger))
    }

    /// Moves the ticket if it is still at `version` and `from`; nil when someone changed it first.
    public func move(ticketID: Int, from: String, to: String, expectedVersion: Int, on connection: PostgresConnection, logger: Logger) async throws -> Int? {
        try await connection.value(
            """
            UPDATE tickets SET stage = \(to), version = version + 1, updated_at = now()
            WHERE id = \(ticketID) AND version = \(expectedVersion) AND stage = \(from) RETURNING version
            """, as: Int.self, logger: logger)
    }

    /// Assigns (or unassigns, nil) if the ticket is still at `version`; nil when someone changed it first.
    public func assign(ticketID: Int, to staffID: Int?, expectedVersion: Int, on connection: PostgresConnection, logger: Logger) async throws -> Int? {
        try await connection.value(
            """
            UPDATE tickets SET assignee_id = \(staffID), version = version + 1, updated_at = now()
            WHERE id = \(ticketID) AND version = \(expectedVersion) RETURNING version
            """, as: Int.self, logger: logger)
    }

    /// Sets the priority (an escalation); a change like any other, so the version moves on.
    public func setPriority(ticketID: Int, to priority: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "UPDATE tickets SET priority = \(priority), version = version + 1, updated_at = now() WHERE id = \(ticketID)", logger: logger)
    }

    /// Notes and messages change the timeline, not the ticket's state: only `updated_at` moves.
    public func touch(ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE tickets SET updated_at = now() WHERE id = \(ticketID)", logger: logger)
    }

    public func code(ofTicket id: Int, on connection: PostgresConnection, logger: Logger) async throws -> String? {
        try await connection.value("SELECT code FROM tickets WHERE id = \(id)", as: String.self, logger: logger)
    }

    /// The code of the ticket `principal` filed with this idempotency key, if any.
    public func ticketCode(idempotencyKey key: String, principal: String, on connection: PostgresConnection, logger: Logger) async throws -> String? {
        try await connection.value(
            """
            SELECT t.code FROM idempotency_keys k JOIN tickets t ON t.id = k.ticket_id
            WHERE k.principal = \(principal) AND k.key = \(key)
            """, as: String.self, logger: logger)
    }

    public func remember(idempotencyKey key: String, principal: String, ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "INSERT INTO idempotency_keys (principal, key, ticket_id) VALUES (\(principal), \(key), \(ticketID))", logger: logger)
    }

    private func tickets(_ rows: PostgresRowSequence) async throws -> [Ticket] {
        var tickets: [Ticket] = []
        for try await row in rows {
            tickets.append(try ticket(PostgresRandomAccessRow(row)))
        }
        return tickets
    }

    /// The ticket in the first cells of a row that starts with `ticketColumns`.
    private func ticket(_ cells: PostgresRandomAccessRow) throws -> Ticket {
        func cell<T: PostgresDecodable>(_ index: Int, _ type: T.Type = T.self) throws -> T { try cells[index].decode(T.self) }
        let assigneeID: Int? = try cell(12)
        return Ticket(
            id: try cell(0), code: try cell(1), ticketType: try cell(2), title: try cell(3), content: try cell(4),
            priority: try cell(5), customerID: try cell(6),
            contact: Contact(id: try cell(7), name: try cell(8), email: try cell(9), phone: try cell(10)),
            filedBy: try cell(11),
            assignee: try assigneeID.map { Ticket.Assignee(id: $0, username: try cell(13), displayName: try cell(14)) },
            team: try cell(15), stage: try cell(16), createdAt: try cell(17), updatedAt: try cell(18), version: try cell(19),
            firstResponseDue: try cell(20), resolutionDue: try cell(21))
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
