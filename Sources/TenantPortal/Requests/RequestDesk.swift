import Foundation
import Logging
import NIOCore
import PGStore
import PostgresNIO

/// The request/status engine's operations (PRODUCT.md B2-B7, B16, B17): filing a request, reading
/// and listing tickets, and what staff do to them. Each operation is one tenant transaction; the
/// rules (who may see what, which moves are allowed) are checked here, the SQL is in PGStore.
///
/// No lost updates: every change takes its ticket's row lock first, so two changes at once take
/// turns, each checking its rules (open, file limit) on what the other left. Staff send the
/// `version` they saw; a change made meanwhile answers 409 with nothing changed. The service-level
/// watch reads a ticket under the same lock before writing its clocks back.
public struct RequestDesk: Sendable {
    let database: Database
    let tickets = TicketStore()
    /// Each tenant's workflows: every ticket read needs them, an edit reaches other instances within 2 s.
    let workflows = TenantMemo { connection, logger in try await WorkflowStore().all(on: connection, logger: logger) }
    let access = AccessStore()
    let attachments = AttachmentStore()
    let ratings = RatingStore()
    let cannedReplies = CannedReplyStore()
    let limits: AttachmentLimits
    let notices: TicketNotices
    let serviceLevels: ServiceLevelDesk

    /// Every tenant setting the desk keeps in memory, to forget when another instance changes it.
    var settingsCaches: [any TenantCache] { [workflows, notices.rules, serviceLevels.rules] }

    init(database: Database, limits: AttachmentLimits = AttachmentLimits(), notices: TicketNotices) {
        self.database = database
        self.limits = limits
        self.notices = notices
        self.serviceLevels = ServiceLevelDesk(notices: notices)
    }

    /// What a customer, portal user or staff member files.
    public struct NewRequest: Sendable, Decodable {
        public struct ContactInput: Sendable, Decodable {
            public var name: String?
            public var email: String?
            public var phone: String?
        }

        public var type: String?
        public var title: String?
        public var content: String?
        public var priority: String?
        public var contact: ContactInput?
    }

    /// A ticket with its workflow and the timeline the reader may see.
    public struct Detail: Sendable {
        public var ticket: Ticket
        public var workflow: Workflow
        public var timeline: [TicketEvent]
        public var attachments: [AttachmentInfo]
    }

    static let priorities = ["low", "normal", "high", "urgent"]

    /// Files a request with its files (stored together or not at all) and returns it, or, for a
    /// repeated `idempotencyKey`, the ticket the first call made; a key used before for a different
    /// request (another type, title, content or files) is refused, not answered with that ticket.
    public func file(
        _ request: NewRequest,
        attaching uploads: [(fileName: String?, data: ByteBuffer)] = [],
        by principal: Principal,
        tenant: Tenant,
        idempotencyKey: String?,
        logger: Logger
    ) async throws -> (detail: Detail, created: Bool) {
        let title = try TextInput.required(request.title, field: "title", limit: 200)
        let content = try TextInput.required(request.content, field: "content", limit: 20_000)
        let contact = try ContactDetails(name: request.contact?.name, email: request.contact?.email, phone: request.contact?.phone)
        let priority = request.priority ?? "normal"
        guard Self.priorities.contains(priority) else { throw PortalError.invalid(field: "priority", .unknownPriority(priority)) }
        let type = request.type ?? DefaultWorkflows.primaryType(of: tenant.modules, for: principal)
        let files = try checked(uploads)
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            let all = try await workflows.value(of: tenant, on: connection, logger: logger)
            // A type the tenant's modules do not bring, or one not for this filer, is as unknown as a
            // type that does not exist: a customer token cannot file an HR request.
            guard let workflow = all.first(where: { $0.ticketType == type }), DefaultWorkflows.mayFile(type, principal, modules: tenant.modules)
            else {
                throw PortalError.invalid(field: "type", .unknownTicketType(type))
            }
            let customerID: Int? = if case .customer(let customer) = principal { customer.id } else { nil }
            let filing = try await tickets.file(
                .init(
                    ticketType: type,
                    codePrefix: workflow.codePrefix,
                    firstStage: workflow.firstStage.key,
                    title: title,
                    content: content,
                    priority: priority,
                    customerID: customerID,
                    contact: (contact.name, contact.email, contact.phone),
                    filedBy: principal,
                    idempotencyKey: idempotencyKey,
                    matchText: (title + "\n" + content).lowercased(),
                    files: files.map { ($0.fileName, $0.contentType, $0.data) }
                ),
                on: connection,
                logger: logger
            )
            guard filing.created else {
                guard Self.isFiling(filing.record, type: type, title: title, content: content, files: files) else {
                    throw PortalError.invalid(field: "Idempotency-Key", .idempotencyKeyReused)
                }
                return (try Self.detail(filing.record, workflows: all, for: principal), false)
            }
            let filed = try await serviceLevels.review(filing.record, workflows: all, tenant: tenant, on: connection, logger: logger)
            try await notices.filed(filed.ticket, workflow: workflow, tenant: tenant, on: connection, logger: logger)
            return (try Self.detail(filed, workflows: all, for: principal), true)
        }
    }

    /// Whether `record` is what filing this request made: its type, title and content, and its first
    /// files by name and size. (Not its priority, which an escalation may have raised since, nor
    /// its contact, which may be an earlier one found by the same email.)
    private static func isFiling(_ record: TicketRecord, type: String, title: String, content: String, files: [UploadedFile]) -> Bool {
        let ticket = record.ticket
        let filed = record.attachments.prefix(files.count).map { [$0.fileName, String($0.size)] }
        return ticket.ticketType == type && ticket.title == title && ticket.content == content
            && filed == files.map { [$0.fileName, String($0.data.readableBytes)] }
    }

    /// The ticket if `principal` may see it; another customer's ticket is "not found", like a missing one.
    public func ticket(code: String, for principal: Principal, tenant: Tenant, logger: Logger) async throws -> Detail {
        // The statement enters the tenant's scope itself, so the connection stays the login's own.
        let record = try await database.withConnection(logger: logger) { connection in
            try await tickets.record(
                code: code.uppercased(),
                publicOnly: !principal.isStaff,
                enteringScope: tenant.scope,
                on: connection,
                logger: logger
            )
        }
        guard let record else { throw PortalError.ticketNotFound }
        let all = try await workflows.value(of: tenant, in: database, logger: logger)
        return try Self.detail(record, workflows: all, for: principal)
    }

    public func workflows(tenant: Tenant, logger: Logger) async throws -> [Workflow] {
        try await workflows.value(of: tenant, in: database, logger: logger)
    }

    /// The staff workspace's queues (issue 5): how many open tickets each holds, and the tickets
    /// of `queue`, most urgent first.
    public func queues(
        _ queue: TicketStore.Queue,
        for principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> (counts: [TicketStore.Queue: Int], tickets: [Ticket], workflows: [Workflow]) {
        guard case .staff(let member) = principal else { throw PortalError.staffOnly }
        return try await database.reading(tenant.scope, logger: logger) { connection in
            let counts = try await tickets.queueCounts(staffID: member.id, team: member.team, on: connection, logger: logger)
            let list = try await tickets.queue(queue, staffID: member.id, team: member.team, limit: 50, on: connection, logger: logger)
            return (counts, list, try await workflows.value(of: tenant, on: connection, logger: logger))
        }
    }

    /// What the staff's ticket table offers besides its rows: how many open tickets each of the
    /// member's default views holds, and the active staff to filter by and assign to.
    public func tableChoices(
        for principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> (
        counts: [TicketStore.Queue: Int], staff: [StaffMember]
    ) {
        guard case .staff(let member) = principal else { throw PortalError.staffOnly }
        return try await database.reading(tenant.scope, logger: logger) { connection in
            (
                try await tickets.queueCounts(staffID: member.id, team: member.team, on: connection, logger: logger),
                try await access.activeStaff(on: connection, logger: logger)
            )
        }
    }

    /// The tickets before and after `code` in the staff's list `filter` and `sort` ask for.
    public func neighbours(
        of code: String,
        _ filter: TicketFilter,
        status: String?,
        sort: TicketSort,
        for principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> (previous: String?, next: String?) {
        try Self.requireStaff(principal)
        return try await database.reading(tenant.scope, logger: logger) { connection in
            let all = try await workflows.value(of: tenant, on: connection, logger: logger)
            let filter = Self.narrowed(filter, status: status, for: principal, in: all)
            return try await tickets.neighbours(of: code.uppercased(), filter, sort: sort, on: connection, logger: logger)
        }
    }

    /// The tickets changed after `since` (at most 200), for the staff's live ticket table.
    public func changes(since: Date, for principal: Principal, tenant: Tenant, logger: Logger) async throws -> [TicketStore.Change] {
        try Self.requireStaff(principal)
        return try await database.reading(tenant.scope, logger: logger) { connection in
            try await tickets.changes(since: since, limit: 200, on: connection, logger: logger)
        }
    }

    /// What the staff ticket page offers besides the ticket: who it can be assigned to and the
    /// canned replies to insert.
    public func staffChoices(for principal: Principal, tenant: Tenant, logger: Logger) async throws -> (staff: [StaffMember], replies: [CannedReply])
    {
        try Self.requireStaff(principal)
        return try await database.reading(tenant.scope, logger: logger) { connection in
            (try await access.activeStaff(on: connection, logger: logger), try await cannedReplies.all(on: connection, logger: logger))
        }
    }

    /// Contacts to suggest on a customer's request form: the ones its organisation used before.
    public func knownContacts(of principal: Principal, tenant: Tenant, logger: Logger) async throws -> [Contact] {
        guard case .customer(let customer) = principal else { return [] }
        return try await database.reading(tenant.scope, logger: logger) { connection in
            try await tickets.contacts(customerID: customer.id, on: connection, logger: logger)
        }
    }

    /// One page of the tickets `principal` may see, in `sort`'s order (newest first unless asked),
    /// and the cursor of the next page; with `status` (a stage key), only those `principal` is shown
    /// in that stage. Searching (`filter.search`) is for staff: the words include internal notes.
    public func list(
        _ filter: TicketFilter,
        status: String?,
        sort: TicketSort = .newest,
        after cursor: TicketCursor?,
        limit: Int,
        for principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> (tickets: [TicketListEntry], workflows: [Workflow], next: TicketCursor?) {
        if filter.search != nil { try Self.requireStaff(principal) }
        if let cursor, cursor.sort != sort || !cursor.isWellFormed { throw PortalError.invalid(field: "cursor", .invalidCursor) }
        return try await database.reading(tenant.scope, logger: logger) { connection in
            let all = try await workflows.value(of: tenant, on: connection, logger: logger)
            let page = try await tickets.list(
                Self.narrowed(filter, status: status, for: principal, in: all),
                visibility: Self.visibility(of: principal),
                sort: sort,
                after: cursor,
                limit: limit,
                on: connection,
                logger: logger
            )
            return (page.tickets, all, page.next)
        }
    }

    /// The stages whose tickets `principal` sees as being in the stage `key`, each in its own ticket
    /// type's workflow. Staff see every stage as it is. A customer (or portal user) is shown a ticket
    /// in a hidden stage as in the visible one before it, so asking for that one finds it too, and
    /// asking for a hidden stage finds what a stage that does not exist finds, nothing (the filter
    /// must not pick out the tickets that sit in it).
    static func stages(shownAs key: String, to principal: Principal, in workflows: [Workflow]) -> [TypedStage] {
        workflows.flatMap { workflow in
            workflow.stages.map(\.key)
                .filter { principal.isStaff ? $0 == key : workflow.customerStage(of: $0).key == key }
                .map { TypedStage(ticketType: workflow.ticketType, stage: $0) }
        }
    }

    /// Staff move a ticket along its workflow; `version` is the one they saw (409 when stale).
    public func move(
        code: String,
        to stage: String,
        note: String?,
        version: Int?,
        by principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> Detail {
        try Self.requireStaff(principal)
        let note = try TextInput.optional(note, field: "note", limit: 20_000)
        return try await change(code: code, by: principal, tenant: tenant, logger: logger) { ticket, workflow, connection in
            guard let target = workflow.stage(stage) else { throw PortalError.invalid(field: "to", .unknownStage(stage)) }
            guard workflow.allows(from: ticket.stage, to: target.key) else {
                throw PortalError.transitionNotAllowed(from: ticket.stage, to: target.key)
            }
            guard
                try await tickets.move(
                    ticketID: ticket.id,
                    from: ticket.stage,
                    to: target.key,
                    expectedVersion: version ?? ticket.version,
                    on: connection,
                    logger: logger
                ) != nil
            else { throw PortalError.staleVersion }
            try await tickets.append(
                .init(
                    actor: principal,
                    kind: .transition,
                    fromStage: ticket.stage,
                    toStage: target.key,
                    body: note ?? "",
                    isPublic: target.customerVisible
                ),
                ticketID: ticket.id,
                on: connection,
                logger: logger
            )
            try await notices.moved(ticket, to: target, tenant: tenant, on: connection, logger: logger)
            return target.customerVisible
        }
    }

    /// Staff assign a ticket to a staff member by username, or unassign it (nil).
    public func assign(
        code: String,
        to username: String?,
        version: Int?,
        by principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> Detail {
        try Self.requireStaff(principal)
        return try await change(code: code, by: principal, tenant: tenant, logger: logger) { ticket, _, connection in
            var assignee: StaffMember?
            if let username {
                assignee = try await access.staff(username: username.lowercased(), on: connection, logger: logger)
                guard assignee != nil else { throw PortalError.invalid(field: "assignee", .unknownStaff(username)) }
            }
            guard
                try await tickets.assign(
                    ticketID: ticket.id,
                    to: assignee?.id,
                    expectedVersion: version ?? ticket.version,
                    on: connection,
                    logger: logger
                ) != nil
            else { throw PortalError.staleVersion }
            try await tickets.append(
                .init(actor: principal, kind: .assignment, body: assignee?.displayName ?? "", isPublic: true),
                ticketID: ticket.id,
                on: connection,
                logger: logger
            )
            return false
        }
    }

    /// Staff add a note: public notes join the conversation the customer sees, internal ones do not.
    /// A staff note, with any files (checked before anything is stored) in the same transaction.
    public func addNote(
        code: String,
        text: String?,
        isPublic: Bool,
        attaching uploads: [(fileName: String?, data: ByteBuffer)] = [],
        by principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> Detail {
        try Self.requireStaff(principal)
        let (body, files) = try said(text, uploads)
        return try await change(code: code, by: principal, tenant: tenant, logger: logger) { ticket, _, connection in
            if let body {
                try await tickets.append(
                    .init(actor: principal, kind: .note, body: body, isPublic: isPublic),
                    ticketID: ticket.id,
                    on: connection,
                    logger: logger
                )
            }
            _ = try await store(files, ticketID: ticket.id, isPublic: isPublic, by: principal, on: connection, logger: logger)
            try await tickets.touch(ticketID: ticket.id, on: connection, logger: logger)
            return isPublic
        }
    }

    /// Anyone who may see an open ticket adds a message to its conversation (B17), with any files.
    public func addMessage(
        code: String,
        text: String?,
        attaching uploads: [(fileName: String?, data: ByteBuffer)] = [],
        by principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> Detail {
        let (body, files) = try said(text, uploads)
        return try await change(code: code, by: principal, tenant: tenant, logger: logger) { ticket, workflow, connection in
            guard workflow.stage(ticket.stage)?.terminal != true else { throw PortalError.ticketClosed }
            if let body {
                try await tickets.append(
                    .init(actor: principal, kind: .message, body: body, isPublic: true),
                    ticketID: ticket.id,
                    on: connection,
                    logger: logger
                )
            }
            _ = try await store(files, ticketID: ticket.id, isPublic: true, by: principal, on: connection, logger: logger)
            try await tickets.touch(ticketID: ticket.id, on: connection, logger: logger)
            return principal.isStaff
        }
    }

    /// What a note or message says: its text, and its files checked; the text may be left out only
    /// when there are files.
    private func said(_ text: String?, _ uploads: [(fileName: String?, data: ByteBuffer)]) throws(PortalError) -> (String?, [UploadedFile]) {
        let files = try checked(uploads)
        guard let body = try TextInput.optional(text, field: "text", limit: 20_000) else {
            guard !files.isEmpty else { throw .invalid(field: "text", .required) }
            return (nil, files)
        }
        return (body, files)
    }

    // MARK: Shared steps

    /// Applies a change to a ticket `principal` may see, in one transaction under the ticket's row
    /// lock (two changes at once take turns, each checking its rules on what the other left), then
    /// reviews the ticket's service levels. `apply` returns whether the change was staff answering
    /// the customer (a public note or message, a move to a stage the customer sees), which stops the
    /// first-response clock.
    private func change(
        code: String,
        by principal: Principal,
        tenant: Tenant,
        logger: Logger,
        _ apply: (Ticket, Workflow, PostgresConnection) async throws -> Bool
    ) async throws -> Detail {
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            let ticket = try await visibleTicket(code: code, for: principal, locking: true, on: connection, logger: logger)
            let all = try await workflows.value(of: tenant, on: connection, logger: logger)
            guard let workflow = all.first(where: { $0.ticketType == ticket.ticketType }) else { throw PortalError.ticketNotFound }
            let answers = try await apply(ticket, workflow, connection)
            guard let changed = try await tickets.record(code: ticket.code, publicOnly: false, on: connection, logger: logger) else {
                throw PortalError.ticketNotFound
            }
            let reviewed = try await serviceLevels.review(
                changed,
                workflows: all,
                tenant: tenant,
                answeredNow: answers,
                on: connection,
                logger: logger
            )
            return try Self.detail(reviewed, workflows: all, for: principal)
        }
    }

    /// The watch worker's look at a ticket whose warning or due time came. The review writes back
    /// the clocks it read, so it reads them under the ticket's lock: a staff answer committed
    /// meanwhile would otherwise be written over (its first-response time lost, a false breach).
    func reviewServiceLevels(ticketID: Int, tenant: Tenant, logger: Logger) async throws {
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let code = try await tickets.lockedCode(ofTicket: ticketID, on: connection, logger: logger),
                let record = try await tickets.record(code: code, publicOnly: false, on: connection, logger: logger)
            else { return try await ServiceLevelStore().unschedule(ticketID: ticketID, on: connection, logger: logger) }
            let all = try await workflows.value(of: tenant, on: connection, logger: logger)
            _ = try await serviceLevels.review(record, workflows: all, tenant: tenant, on: connection, logger: logger)
        }
    }

    func visibleTicket(
        code: String,
        for principal: Principal,
        locking: Bool = false,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Ticket {
        guard let ticket = try await tickets.ticket(code: code.uppercased(), locking: locking, on: connection, logger: logger),
            Self.visibility(of: principal).includes(ticket)
        else { throw PortalError.ticketNotFound }
        return ticket
    }

    /// What `principal` may see of `record`: staff the whole timeline and every file, others the
    /// public entries and files.
    private static func detail(_ record: TicketRecord, workflows: [Workflow], for principal: Principal) throws(PortalError) -> Detail {
        guard visibility(of: principal).includes(record.ticket),
            let workflow = workflows.first(where: { $0.ticketType == record.ticket.ticketType })
        else { throw .ticketNotFound }
        let all = principal.isStaff
        return Detail(
            ticket: record.ticket,
            workflow: workflow,
            timeline: record.timeline.filter { all || $0.isPublic },
            attachments: record.attachments.filter { all || $0.isPublic }
        )
    }

    static func visibility(of principal: Principal) -> TicketVisibility {
        switch principal {
        case .staff: .all
        case .customer(let customer): .customer(customer.id)
        case .portalUser: .filedBy(principal.key)
        }
    }

    static func requireStaff(_ principal: Principal) throws(PortalError) {
        guard principal.isStaff else { throw PortalError.staffOnly }
    }
}

extension TicketVisibility {
    func includes(_ ticket: Ticket) -> Bool {
        switch self {
        case .all: true
        case .customer(let id): ticket.customerID == id
        case .filedBy(let key): ticket.filedBy == key
        }
    }
}
