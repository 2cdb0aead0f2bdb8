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

/// What the ticket list (B7) may be narrowed by; nil means "any".
public struct TicketFilter: Sendable, Equatable {
    public var code: String?
    public var contact: String?
    public var from: Date?
    public var to: Date?
    /// Tickets in one of these stages.
    public var stages: [TypedStage]?

    public init(code: String? = nil, contact: String? = nil, from: Date? = nil, to: Date? = nil, stages: [TypedStage]? = nil) {
        self.code = code
        self.contact = contact
        self.from = from
        self.to = to
        self.stages = stages
    }
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

/// Where a page of the ticket list ends: the last ticket's creation time and id (newest first).
public struct TicketCursor: Sendable, Equatable {
    public var createdAt: Date
    public var id: Int

    public init(createdAt: Date, id: Int) {
        self.createdAt = createdAt
        self.id = id
    }
}

/// Which tickets a principal may see: staff all of them, a customer its organisation's, a portal
/// user the ones they filed.
public enum TicketVisibility: Sendable, Equatable {
    case all
    case customer(Int)
    case filedBy(String)
}
