import Foundation

/// A request, complaint, repair order ... as stored (PRODUCT.md B3).
public struct Ticket: Sendable, Equatable {
    public struct Assignee: Sendable, Equatable {
        public var id: Int
        public var username: String
        public var displayName: String
    }

    public var id: Int
    public var code: String
    public var ticketType: String
    public var title: String
    public var content: String
    public var priority: String
    public var customerID: Int?
    public var contact: Contact
    public var filedBy: String
    public var assignee: Assignee?
    public var team: String
    public var stage: String
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int
    /// When the first answer and the resolution are due by the service level (B10); nil while the
    /// clock is paused or for tickets filed before service levels existed.
    public var firstResponseDue: Date?
    public var resolutionDue: Date?
    /// The language the ticket's customer organisation chose for its mail (B8); nil: the tenant's.
    public var customerLanguage: String?
}

/// A ticket as a reader sees it: with its timeline and its files (without their bytes), and the
/// state of its service-level clocks, which every change reviews.
public struct TicketRecord: Sendable, Equatable {
    public var ticket: Ticket
    /// When staff first answered in public, nil until then (B10).
    public var firstResponseAt: Date?
    /// The warnings and breaches already raised.
    public var slaMarks: Set<String>
    public var timeline: [TicketEvent]
    public var attachments: [AttachmentInfo]

    /// The service-level clocks as stored: the due times are the ticket's own.
    public var clocks: ClockState {
        get {
            ClockState(
                firstResponseDue: ticket.firstResponseDue,
                resolutionDue: ticket.resolutionDue,
                firstResponseAt: firstResponseAt,
                marks: slaMarks
            )
        }
        set {
            ticket.firstResponseDue = newValue.firstResponseDue
            ticket.resolutionDue = newValue.resolutionDue
            firstResponseAt = newValue.firstResponseAt
            slaMarks = newValue.marks
        }
    }
}

/// The person a request is about (B4), with email and phone already normalised.
public struct Contact: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var email: String
    public var phone: String
}

/// One entry of a ticket's timeline; customers see the public ones.
public struct TicketEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case created, transition, assignment, note, message, attachment, rating, priority, escalation
        case slaWarning = "sla_warning"
        case slaBreach = "sla_breach"
    }

    public var id: Int
    public var occurredAt: Date
    public var actorKind: String
    public var actorName: String
    public var kind: Kind
    public var fromStage: String?
    public var toStage: String?
    public var body: String
    public var isPublic: Bool
}

/// What the ticket list (B7, B13) may be narrowed by; nil means "any".
public struct TicketFilter: Sendable, Equatable {
    public var code: String?
    public var contact: String?
    public var from: Date?
    public var to: Date?
    /// Tickets in one of these stages.
    public var stages: [TypedStage]?
    /// Words every one of which the ticket's search words start with (staff only: they include
    /// internal notes).
    public var search: String?
    public var types: [String]?
    public var teams: [String]?
    public var assignee: AssigneeFilter?
    public var priorities: [String]?
    /// The customer organisation's code.
    public var customer: String?
    /// Open tickets in one of these states (any of them).
    public var serviceLevels: [ServiceLevelState]?
    /// Only tickets not in a final stage.
    public var openOnly: Bool

    public init(
        code: String? = nil,
        contact: String? = nil,
        from: Date? = nil,
        to: Date? = nil,
        stages: [TypedStage]? = nil,
        search: String? = nil,
        types: [String]? = nil,
        teams: [String]? = nil,
        assignee: AssigneeFilter? = nil,
        priorities: [String]? = nil,
        customer: String? = nil,
        serviceLevels: [ServiceLevelState]? = nil,
        openOnly: Bool = false
    ) {
        self.code = code
        self.contact = contact
        self.from = from
        self.to = to
        self.stages = stages
        self.search = search
        self.types = types
        self.teams = teams
        self.assignee = assignee
        self.priorities = priorities
        self.customer = customer
        self.serviceLevels = serviceLevels
        self.openOnly = openOnly
    }
}

/// A ticket as the list shows it: with its customer organisation (code and name) and its next due
/// time (nil when no target applies).
public struct TicketListEntry: Sendable, Equatable {
    public var ticket: Ticket
    public var customerCode: String?
    public var customerName: String?
    public var nextDue: Date?
}

/// Whose tickets: nobody's yet, or one staff member's (by username).
public enum AssigneeFilter: Sendable, Equatable {
    case nobody
    case staff(String)
}

/// Where an open ticket stands against its next due time (`tickets.next_due`): past it, within
/// two hours of it, further off, or with no target at all.
public enum ServiceLevelState: String, Sendable, CaseIterable {
    case overdue, soon
    case onTime = "on_time"
    case none

    /// How near a due time counts as soon: the "breaching soon" queue, the `soon` filter and the
    /// table's written state all use it.
    public static let soonWindow: TimeInterval = 7_200

    /// `soonWindow` from now, in SQL.
    static let soonLimitSQL = "now() + interval '\(Int(soonWindow)) seconds'"

    /// The state of an open ticket whose next due time is `nextDue` (nil: no target), at `now`.
    public init(nextDue: Date?, at now: Date) {
        switch nextDue {
        case nil: self = .none
        case let due? where due < now: self = .overdue
        case let due? where due < now.addingTimeInterval(Self.soonWindow): self = .soon
        default: self = .onTime
        }
    }
}

/// The order of the ticket list: a key and a direction. Each key has an index (tenant `0027`,
/// `0029`), the ticket's id breaking ties.
public struct TicketSort: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        case created, updated, due, priority, code
        case title, customer, contact, type, stage, assignee, team
    }

    public var key: Key
    public var descending: Bool

    public init(_ key: Key, descending: Bool) {
        self.key = key
        self.descending = descending
    }

    /// Newest first: the list's order when none is asked for.
    public static let newest = TicketSort(.created, descending: true)

    /// `updated`, `-updated` (descending), ...
    public init?(_ text: String) {
        let descending = text.hasPrefix("-")
        guard let key = Key(rawValue: descending ? String(text.dropFirst()) : text) else { return nil }
        self.init(key, descending: descending)
    }

    public var name: String { (descending ? "-" : "") + key.rawValue }
}

/// A stage of one ticket type's workflow: stage keys are the workflow's own, and two workflows may
/// each have a stage of the same name.
public struct TypedStage: Sendable, Hashable {
    public var ticketType: String
    public var stage: String

    public init(ticketType: String, stage: String) {
        self.ticketType = ticketType
        self.stage = stage
    }
}

/// Where a page of the ticket list ends: the order it is in, and the last ticket's value of the
/// sort key and id. A time is written as microseconds since 1970 (or `infinity`: no due time).
public struct TicketCursor: Sendable, Equatable {
    public var sort: TicketSort
    public var position: String
    public var id: Int

    public init(sort: TicketSort, position: String, id: Int) {
        self.sort = sort
        self.position = position
        self.id = id
    }

    /// Whether `position` is a value the sort key can have, so a forged cursor is refused before
    /// PostgreSQL is asked to read it.
    public var isWellFormed: Bool {
        switch sort.key {
        // Years 1970-2999: the time of a real ticket, and one PostgreSQL can take.
        case .created, .updated, .due: position == "infinity" || Int64(position).map { (0...32_503_680_000_000_000).contains($0) } == true
        case .priority: ["0", "1", "2", "3"].contains(position)
        case .code: !position.isEmpty && position.count <= 40 && !position.contains("\0")
        // Names and keys, well past the longest the forms take.
        case .title, .customer, .contact, .type, .stage, .assignee, .team: position.count <= 2_000 && !position.contains("\0")
        }
    }
}

/// Which tickets a principal may see: staff all of them, a customer its organisation's, a portal
/// user the ones they filed.
public enum TicketVisibility: Sendable, Equatable {
    case all
    case customer(Int)
    case filedBy(String)
}
