import Foundation
import Logging
import PostgresNIO

/// Tickets, their contacts, codes and timelines. SQL only; the rules are in TenantPortal's Requests
/// folder. Every function runs inside the tenant's scope.
public struct TicketStore: Sendable {
    public init() {}

    /// The contacts a customer organisation filed with before, newest first, to suggest on its form.
    public func contacts(customerID: Int, on connection: PostgresConnection, logger: Logger) async throws -> [Contact] {
        try await connection.rows(
            "SELECT id, name, email, phone FROM contacts WHERE customer_id = \(customerID) ORDER BY id DESC LIMIT 50",
            as: (Int, String, String, String).self,
            logger: logger
        ).map { Contact(id: $0, name: $1, email: $2, phone: $3) }
    }

    /// A new ticket as `file` stores it: what was asked, by whom, with its files checked already.
    public struct Filing: Sendable {
        public var ticketType: String
        public var codePrefix: String
        public var firstStage: String
        public var title: String
        public var content: String
        public var priority: String
        public var customerID: Int?
        public var contact: (name: String, email: String, phone: String)
        public var filedBy: Principal
        public var idempotencyKey: String?
        /// Title and content in lower case, for the canned replies' keywords.
        public var matchText: String
        public var files: [(name: String, contentType: String, data: ByteBuffer)]

        public init(
            ticketType: String,
            codePrefix: String,
            firstStage: String,
            title: String,
            content: String,
            priority: String,
            customerID: Int?,
            contact: (name: String, email: String, phone: String),
            filedBy: Principal,
            idempotencyKey: String?,
            matchText: String,
            files: [(name: String, contentType: String, data: ByteBuffer)]
        ) {
            self.ticketType = ticketType
            self.codePrefix = codePrefix
            self.firstStage = firstStage
            self.title = title
            self.content = content
            self.priority = priority
            self.customerID = customerID
            self.contact = contact
            self.filedBy = filedBy
            self.idempotencyKey = idempotencyKey
            self.matchText = matchText
            self.files = files
        }
    }

    /// Files the ticket with the tenant's `file_ticket` function (migration 0011): contact, code,
    /// ticket, timeline, assignee, files, canned reply and idempotency key, and reads it back with
    /// `ticket_record` (which migration 0012 made able to see it), all in one round trip.
    /// `created` is false when the idempotency key had already made the ticket.
    public func file(_ filing: Filing, on connection: PostgresConnection, logger: Logger) async throws -> (record: TicketRecord, created: Bool) {
        let actor = filing.filedBy
        let rows = try await connection.query(
            """
            SELECT r.*, f.created FROM file_ticket(
                \(filing.ticketType), \(filing.codePrefix), \(filing.firstStage), \(filing.title), \(filing.content), \(filing.priority),
                \(filing.customerID), \(filing.contact.name), \(filing.contact.email), \(filing.contact.phone),
                \(actor.kind), \(actor.id), \(actor.displayName), \(actor.key), \(filing.idempotencyKey), \(filing.matchText),
                \(filing.files.map(\.name)), \(filing.files.map(\.contentType)), \(filing.files.map(\.data))) AS f
            CROSS JOIN LATERAL ticket_record(f.ticket_code, false) AS r
            """,
            logger: logger
        )
        for try await row in rows {
            let cells = PostgresRandomAccessRow(row)
            return (try record(cells), try cells[Self.recordColumnCount].decode(Bool.self))
        }
        throw SchemaMismatch(expected: "file_ticket answers one row")
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
            """,
            logger: logger
        )
    }

    static let ticketColumns = """
        t.id, t.code, t.ticket_type, t.title, t.content, t.priority, t.customer_id, t.contact_id, t.contact_name, t.contact_email, t.contact_phone,
        t.filed_by, s.id, s.username, s.display_name, t.team, t.stage, t.created_at, t.updated_at, t.version,
        t.first_response_due, t.resolution_due, cu.language
        """
    /// How many cells `ticketColumns` fills; what a query selects after them starts here.
    static let ticketColumnCount = 23
    static let ticketTables = """
        FROM tickets t LEFT JOIN staff_members s ON s.id = t.assignee_id
        LEFT JOIN customers cu ON cu.id = t.customer_id
        """
    /// `ticket_record`'s columns (sql/tenant/functions/ticket_record.sql), in the order `record`
    /// decodes them: the ticket (as `ticketColumns`), its clock state (2), its timeline (9 arrays)
    /// and its files (6 arrays). A test checks this list against the function.
    static let recordColumns = [
        "id", "code", "ticket_type", "title", "content", "priority", "customer_id", "contact_id", "contact_name", "contact_email",
        "contact_phone", "filed_by", "assignee_id", "assignee_username", "assignee_name", "team", "stage", "created_at", "updated_at",
        "version", "first_response_due", "resolution_due", "customer_language",
        "first_response_at", "sla_marks",
        "event_ids", "event_times", "event_actor_kinds", "event_actor_names", "event_kinds", "event_from_stages", "event_to_stages",
        "event_bodies", "event_public",
        "file_ids", "file_names", "file_types", "file_sizes", "file_times", "file_public",
    ]
    static var recordColumnCount: Int { recordColumns.count }

    /// The ticket; with `locking`, its row stays locked until the transaction ends, so that a change
    /// checks its rules (open, within the file limit) against the ticket as no one else changes it.
    public func ticket(code: String, locking: Bool = false, on connection: PostgresConnection, logger: Logger) async throws -> Ticket? {
        let lock = locking ? "FOR UPDATE OF t" : ""
        return try await tickets(
            connection.query(
                "SELECT \(unescaped: Self.ticketColumns) \(unescaped: Self.ticketTables) WHERE t.code = \(code) \(unescaped: lock)",
                logger: logger
            )
        ).first
    }

    /// The ticket with its clock state, its timeline (only the public entries when `publicOnly`)
    /// and its files, in one round trip: reading a ticket is the portal's most frequent request.
    /// The tenant's `ticket_record` function runs the query, so its plan is kept per connection
    /// and tenant.
    public func record(code: String, publicOnly: Bool, on connection: PostgresConnection, logger: Logger) async throws -> TicketRecord? {
        try await firstRecord(connection.query("SELECT * FROM ticket_record(\(code), \(publicOnly))", logger: logger))
    }

    /// The same record for a reader outside any scope, in one round trip with the scope's own
    /// (`entering`): a customer's lookup, the portal's hottest path, costs one statement.
    public func record(
        code: String,
        publicOnly: Bool,
        enteringScope scope: TenantScope,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> TicketRecord? {
        try await firstRecord(
            connection.query(
                "SELECT * FROM \(unescaped: scope.schema.quoted).ticket_record(\(entering: scope) || \(code), \(publicOnly))",
                logger: logger
            )
        )
    }

    private func firstRecord(_ rows: PostgresRowSequence) async throws -> TicketRecord? {
        for try await row in rows {
            return try record(PostgresRandomAccessRow(row))
        }
        return nil
    }

    /// The record in the first cells of a row that starts with `ticket_record`'s columns; timeline
    /// and files come as arrays, one per column, in id order (NULL when none).
    private func record(_ cells: PostgresRandomAccessRow) throws -> TicketRecord {
        func array<T: PostgresArrayDecodable>(_ index: Int, _ type: T.Type = T.self) throws -> [T] where T._DecodableType == T {
            try cells[index].decode([T]?.self) ?? []
        }
        let clocks = Self.ticketColumnCount
        let base = clocks + 2
        let (eventIDs, times, actorKinds, actorNames, kinds) = (
            try array(base + 0, Int.self), try array(base + 1, Date.self), try array(base + 2, String.self), try array(base + 3, String.self),
            try array(base + 4, String.self)
        )
        let (fromStages, toStages, bodies, publics) = (
            try array(base + 5, String.self), try array(base + 6, String.self), try array(base + 7, String.self), try array(base + 8, Bool.self)
        )
        let timeline = eventIDs.indices.map { i in
            TicketEvent(
                id: eventIDs[i],
                occurredAt: times[i],
                actorKind: actorKinds[i],
                actorName: actorNames[i],
                kind: .init(rawValue: kinds[i]) ?? .note,
                fromStage: fromStages[i].nonEmpty,
                toStage: toStages[i].nonEmpty,
                body: bodies[i],
                isPublic: publics[i]
            )
        }
        let (fileIDs, names, types, sizes, created) = (
            try array(base + 9, Int.self), try array(base + 10, String.self), try array(base + 11, String.self), try array(base + 12, Int.self),
            try array(base + 13, Date.self)
        )
        let filePublics = try array(base + 14, Bool.self)
        let files = fileIDs.indices.map { i in
            AttachmentInfo(
                id: fileIDs[i],
                fileName: names[i],
                contentType: types[i],
                size: sizes[i],
                createdAt: created[i],
                isPublic: filePublics[i]
            )
        }
        return TicketRecord(
            ticket: try ticket(cells),
            firstResponseAt: try cells[clocks].decode(Date?.self),
            slaMarks: Set(try array(clocks + 1, String.self)),
            timeline: timeline,
            attachments: files
        )
    }

    /// One page of the tickets `visibility` allows that match `filter`, in `sort`'s order, after
    /// `cursor`; and the cursor of the next page when there is one.
    ///
    /// Unfiltered, the page is read along the sort key's index. Filtered, PostgreSQL must choose
    /// between walking that index testing each ticket and fetching every match to sort them, and
    /// it guesses from statistics that assume the filter has nothing to do with the order: a guess
    /// that costs seconds on a big tenant when matches sit far along the index (complaints sorted
    /// by code, which start with their type's prefix) or when words of one phrase always come
    /// together. So the work is bounded in two steps: first the next `window` tickets in the sort
    /// key's order, filtered (a filter most tickets pass fills the page here); when that does not
    /// fill the page, every match, sorted (a filter few tickets pass has few to sort).
    public func list(
        _ filter: TicketFilter,
        visibility: TicketVisibility,
        sort: TicketSort = .newest,
        after cursor: TicketCursor?,
        limit: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (tickets: [TicketListEntry], next: TicketCursor?) {
        guard filter != TicketFilter() || visibility != .all else {
            return try await page(
                filter,
                visibility: visibility,
                sort: sort,
                after: cursor,
                limit: limit,
                source: .index,
                on: connection,
                logger: logger
            )
        }
        let windowed = try await page(
            filter,
            visibility: visibility,
            sort: sort,
            after: cursor,
            limit: limit,
            source: .window(Self.window),
            on: connection,
            logger: logger
        )
        // A full page with more after it; anything less may have missed matches past the window.
        guard windowed.next == nil else { return windowed }
        return try await page(
            filter,
            visibility: visibility,
            sort: sort,
            after: cursor,
            limit: limit,
            source: .everyMatch,
            on: connection,
            logger: logger
        )
    }

    /// How many tickets the first step of a filtered list reads along the sort key's index.
    static let window = 5_000

    /// Where a page's tickets are read from: along the sort key's index, the first `n` along it,
    /// or every ticket that matches (an `OFFSET 0` fence keeps PostgreSQL from walking the index).
    enum Source {
        case index
        case window(Int)
        case everyMatch
    }

    private func page(
        _ filter: TicketFilter,
        visibility: TicketVisibility,
        sort: TicketSort,
        after cursor: TicketCursor?,
        limit: Int,
        source: Source,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (tickets: [TicketListEntry], next: TicketCursor?) {
        let order = Self.order(sort.key)
        let direction = sort.descending ? "DESC" : "ASC"
        var query = SQLBuilder()
        func after(_ query: inout SQLBuilder) throws {
            guard let cursor else { return }
            let (position, id) = (try query.bind(cursor.position), try query.bind(cursor.id))
            query.append(" AND (\(order.expression), t.id) \(sort.descending ? "<" : ">") (\(order.value(position)), \(id))")
        }
        query.append("SELECT \(Self.ticketColumns), \(order.position), cu.code, cu.name, CASE WHEN isfinite(t.next_due) THEN t.next_due END FROM ")
        switch source {
        case .index:
            query.append("tickets t")
        case .window(let size):
            query.append("(SELECT * FROM tickets t WHERE true")
            try after(&query)
            query.append(" ORDER BY \(order.expression) \(direction), t.id \(direction) LIMIT \(try query.bind(size))) t")
        case .everyMatch:
            query.append("(SELECT * FROM tickets t WHERE true")
            try Self.conditions(filter, visibility: visibility, into: &query)
            try after(&query)
            query.append(" OFFSET 0) t")
        }
        query.append(" LEFT JOIN staff_members s ON s.id = t.assignee_id LEFT JOIN customers cu ON cu.id = t.customer_id WHERE true")
        if case .everyMatch = source {} else { try Self.conditions(filter, visibility: visibility, into: &query) }
        if case .index = source { try after(&query) }
        query.append(" ORDER BY \(order.expression) \(direction), t.id \(direction) LIMIT \(try query.bind(limit + 1))")
        var tickets: [TicketListEntry] = []
        var positions: [String] = []
        for try await row in try await connection.query(query.query, logger: logger) {
            let cells = PostgresRandomAccessRow(row)
            let after = Self.ticketColumnCount
            positions.append(try cells[after].decode(String.self))
            tickets.append(
                TicketListEntry(
                    ticket: try ticket(cells),
                    customerCode: try cells[after + 1].decode(String?.self),
                    customerName: try cells[after + 2].decode(String?.self),
                    nextDue: try cells[after + 3].decode(Date?.self)
                )
            )
        }
        guard tickets.count > limit else { return (tickets, nil) }
        return (Array(tickets.prefix(limit)), TicketCursor(sort: sort, position: positions[limit - 1], id: tickets[limit - 1].ticket.id))
    }

    /// The tickets before and after `code` in the list `filter` and `sort` make (the staff's ticket
    /// page's previous and next): the ticket's own place as a cursor, then one row each way.
    public func neighbours(
        of code: String,
        _ filter: TicketFilter,
        sort: TicketSort,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (previous: String?, next: String?) {
        let order = Self.order(sort.key)
        var place = SQLBuilder()
        place.append("SELECT \(order.position), t.id FROM tickets t WHERE t.code = \(try place.bind(code))")
        var found: (String, Int)?
        for try await row in try await connection.query(place.query, logger: logger).decode((String, Int).self) { found = row }
        guard let (position, id) = found else { return (nil, nil) }
        func neighbour(_ direction: TicketSort) async throws -> String? {
            let cursor = TicketCursor(sort: direction, position: position, id: id)
            return try await list(filter, visibility: .all, sort: direction, after: cursor, limit: 1, on: connection, logger: logger).tickets.first?
                .ticket.code
        }
        return (try await neighbour(TicketSort(sort.key, descending: !sort.descending)), try await neighbour(sort))
    }

    /// Where a saved view's count stops: past it the table says "1000+", and counting costs no more.
    public static let countCap = 1_000

    /// How many tickets `visibility` allows match `filter` (a saved view's count), counted up to
    /// `countCap + 1`.
    public func count(_ filter: TicketFilter, visibility: TicketVisibility, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var query = SQLBuilder()
        query.append("SELECT count(*) FROM (SELECT 1 FROM tickets t WHERE true")
        try Self.conditions(filter, visibility: visibility, into: &query)
        query.append(" LIMIT \(try query.bind(Self.countCap + 1))) AS capped")
        for try await (count, ) in try await connection.query(query.query, logger: logger).decode((Int,).self) { return count }
        return 0
    }

    /// How a sort key is written in SQL: the column (each has its index, tenant `0027`, `0029`), its value
    /// as a cursor carries it, and that value read back.
    struct Order {
        var expression: String
        var position: String
        var value: (_ parameter: String) -> String
    }

    static func order(_ key: TicketSort.Key) -> Order {
        func time(_ column: String) -> Order {
            Order(
                expression: column,
                position: "CASE WHEN isfinite(\(column)) THEN (extract(epoch FROM \(column)) * 1000000)::bigint::text ELSE 'infinity' END",
                value: {
                    "CASE WHEN \($0) = 'infinity' THEN 'infinity'::timestamptz ELSE timestamptz 'epoch' + \($0)::bigint * interval '1 microsecond' END"
                }
            )
        }
        func text(_ column: String) -> Order { Order(expression: column, position: column, value: { $0 }) }
        // Names in Vietnamese order, as their indexes are (tenant `0029`).
        func name(_ column: String) -> Order {
            Order(expression: "\(column) COLLATE pg_catalog.\"vi-x-icu\"", position: column, value: { "\($0) COLLATE pg_catalog.\"vi-x-icu\"" })
        }
        return switch key {
        case .created: time("t.created_at")
        case .updated: time("t.updated_at")
        case .due: time("t.next_due")
        case .priority: Order(expression: "t.priority_rank", position: "t.priority_rank::text", value: { "\($0)::smallint" })
        case .code: text("t.code")
        case .title: name("t.title")
        case .customer: name("t.customer_name")
        case .contact: name("t.contact_name")
        case .type: text("t.ticket_type")
        case .stage: text("t.stage")
        case .assignee: name("t.assignee_name")
        case .team: text("t.team")
        }
    }

    /// One fixed condition per filter given, each value bound.
    static func conditions(_ filter: TicketFilter, visibility: TicketVisibility, into query: inout SQLBuilder) throws {
        switch visibility {
        case .all: break
        case .customer(let id): query.append(" AND t.customer_id = \(try query.bind(id))")
        case .filedBy(let key): query.append(" AND t.filed_by = \(try query.bind(key))")
        }
        if let code = filter.code { query.append(" AND t.code = \(try query.bind(code))") }
        if let contact = filter.contact {
            let pattern = try query.bind(
                "%"
                    + contact.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
            )
            query.append(" AND (t.contact_name ILIKE \(pattern) OR t.contact_email ILIKE \(pattern) OR t.contact_phone LIKE \(pattern))")
        }
        if let from = filter.from { query.append(" AND t.created_at >= \(try query.bind(from))") }
        if let to = filter.to { query.append(" AND t.created_at < \(try query.bind(to))") }
        if let stages = filter.stages {
            let (types, keys) = (try query.bind(stages.map(\.ticketType)), try query.bind(stages.map(\.stage)))
            // The stage keys alone first: a condition on the column itself, which its index
            // (`tickets_stage_key`) can answer, where the pairs' subquery hid it from the planner.
            query.append(
                " AND t.stage = ANY(\(keys)::text[]) AND (t.ticket_type, t.stage) IN (SELECT * FROM unnest(\(types)::text[], \(keys)::text[]))"
            )
        }
        if let search = filter.search {
            // Every word of the question, folded as the tickets' words are, as a prefix
            // (functions/ticket_search.sql: worked out while planning, so the index's statistics apply).
            query.append(" AND t.search @@ ticket_search_query(\(try query.bind(search)))")
        }
        if let types = filter.types { query.append(" AND t.ticket_type = ANY(\(try query.bind(types))::text[])") }
        if let teams = filter.teams { query.append(" AND t.team = ANY(\(try query.bind(teams))::text[])") }
        switch filter.assignee {
        case nil: break
        case .nobody: query.append(" AND t.assignee_id IS NULL")
        case .staff(let username):
            query.append(" AND t.assignee_id = (SELECT id FROM staff_members WHERE username = \(try query.bind(username)))")
        }
        if let priorities = filter.priorities { query.append(" AND t.priority = ANY(\(try query.bind(priorities))::text[])") }
        if let customer = filter.customer {
            query.append(" AND t.customer_id = (SELECT id FROM customers WHERE code = \(try query.bind(customer)))")
        }
        if filter.openOnly || filter.serviceLevels != nil { query.append(" AND \(openTicket)") }
        if let states = filter.serviceLevels {
            let window = ServiceLevelState.soonLimitSQL
            let due = states.map { state in
                switch state {
                case .overdue: "t.next_due < now()"
                case .soon: "(t.next_due >= now() AND t.next_due < \(window))"
                case .onTime: "(t.next_due >= \(window) AND t.next_due < 'infinity')"
                case .none: "t.next_due = 'infinity'"
                }
            }
            query.append(" AND (\(due.isEmpty ? "false" : due.joined(separator: " OR ")))")
        }
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
        case .soon: "t.next_due < \(ServiceLevelState.soonLimitSQL)"
        }
    }

    /// A ticket not in a final stage (tenant `0032` keeps the flag; partial indexes cover the open).
    static let openTicket = "t.open"

    /// A ticket that changed: its code, when it was filed and when it last changed.
    public struct Change: Sendable, Equatable {
        public var code: String
        public var createdAt: Date
        public var updatedAt: Date
    }

    /// The tickets changed after `since`, oldest change first (by `tickets_updated`).
    public func changes(since: Date, limit: Int, on connection: PostgresConnection, logger: Logger) async throws -> [Change] {
        var changes: [Change] = []
        let rows = try await connection.query(
            "SELECT code, created_at, updated_at FROM tickets WHERE updated_at > \(since) ORDER BY updated_at, id LIMIT \(limit)",
            logger: logger
        )
        for try await (code, created, updated) in rows.decode((String, Date, Date).self) {
            changes.append(Change(code: code, createdAt: created, updatedAt: updated))
        }
        return changes
    }

    /// How many open tickets each queue holds for staff member `staffID` of `team`: one count per
    /// queue, each read from its partial index of the open tickets (tenant `0032`).
    public func queueCounts(staffID: Int, team: String, on connection: PostgresConnection, logger: Logger) async throws -> [Queue: Int] {
        let columns = Queue.allCases.map { "(SELECT count(*) FROM tickets t WHERE \(Self.openTicket) AND \(Self.queueCondition($0)))" }
        var bindings = PostgresBindings()
        bindings.append(staffID)
        bindings.append(team)
        let row = try await connection.query(PostgresQuery(unsafeSQL: "SELECT " + columns.joined(separator: ", "), binds: bindings), logger: logger)
        var counts: [Queue: Int] = [:]
        for try await cells in row {
            let random = PostgresRandomAccessRow(cells)
            for (index, queue) in Queue.allCases.enumerated() { counts[queue] = try random[index].decode(Int.self) }
        }
        return counts
    }

    /// The open tickets of one queue, most urgent due time first, then oldest.
    public func queue(
        _ queue: Queue,
        staffID: Int,
        team: String,
        limit: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [Ticket] {
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
                        """,
                    binds: bindings
                ),
                logger: logger
            )
        )
    }

    /// Moves the ticket if it is still at `version` and `from`; nil when someone changed it first.
    public func move(
        ticketID: Int,
        from: String,
        to: String,
        expectedVersion: Int,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int? {
        try await connection.value(
            """
            UPDATE tickets SET stage = \(to), version = version + 1, updated_at = now()
            WHERE id = \(ticketID) AND version = \(expectedVersion) AND stage = \(from) RETURNING version
            """,
            as: Int.self,
            logger: logger
        )
    }

    /// Assigns (or unassigns, nil) if the ticket is still at `version`; nil when someone changed it first.
    public func assign(ticketID: Int, to staffID: Int?, expectedVersion: Int, on connection: PostgresConnection, logger: Logger) async throws -> Int?
    {
        try await connection.value(
            """
            UPDATE tickets SET assignee_id = \(staffID), version = version + 1, updated_at = now()
            WHERE id = \(ticketID) AND version = \(expectedVersion) RETURNING version
            """,
            as: Int.self,
            logger: logger
        )
    }

    /// Sets the priority (an escalation); a change like any other, so the version moves on.
    public func setPriority(ticketID: Int, to priority: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "UPDATE tickets SET priority = \(priority), version = version + 1, updated_at = now() WHERE id = \(ticketID)",
            logger: logger
        )
    }

    /// Notes and messages change the timeline, not the ticket's state: only `updated_at` moves.
    public func touch(ticketID: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE tickets SET updated_at = now() WHERE id = \(ticketID)", logger: logger)
    }

    /// The ticket's code, its row locked until the transaction ends: a reader that will write back
    /// what it read waits here for any change in flight, and then reads that change.
    public func lockedCode(ofTicket id: Int, on connection: PostgresConnection, logger: Logger) async throws -> String? {
        try await connection.value("SELECT code FROM tickets WHERE id = \(id) FOR UPDATE", as: String.self, logger: logger)
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
            id: try cell(0),
            code: try cell(1),
            ticketType: try cell(2),
            title: try cell(3),
            content: try cell(4),
            priority: try cell(5),
            customerID: try cell(6),
            contact: Contact(id: try cell(7), name: try cell(8), email: try cell(9), phone: try cell(10)),
            filedBy: try cell(11),
            assignee: try assigneeID.map { Ticket.Assignee(id: $0, username: try cell(13), displayName: try cell(14)) },
            team: try cell(15),
            stage: try cell(16),
            createdAt: try cell(17),
            updatedAt: try cell(18),
            version: try cell(19),
            firstResponseDue: try cell(20),
            resolutionDue: try cell(21),
            customerLanguage: try cell(22)
        )
    }
}

/// A statement whose answer the schema guarantees did not give it: the database is not at the
/// version this code was built for.
public struct SchemaMismatch: Error, CustomStringConvertible {
    public var expected: String

    public var description: String { "the database schema is not the one this build expects: \(expected)" }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
