import Foundation
import Hummingbird
import PGStore

/// The JSON shapes the API answers with (described in openapi.yaml), built from domain values in
/// the reader's language. Customers see a hidden stage as the last stage they may see before it.
struct StageView: Encodable {
    var key: String
    var name: String
    var terminal: Bool

    init(_ stage: Workflow.Stage, _ language: Language) {
        key = stage.key
        name = stage.name(in: language)
        terminal = stage.terminal
    }

    /// The stage as `principal` may see it.
    init(_ key: String, in workflow: Workflow, for principal: Principal, _ language: Language) {
        let shown = principal.isStaff ? workflow.stage(key) ?? workflow.firstStage : workflow.customerStage(of: key)
        self.init(shown, language)
    }
}

struct TicketView: ResponseEncodable {
    struct ContactView: Encodable {
        var name: String
        var email: String
        var phone: String
    }

    struct EventView: Encodable {
        var id: Int
        var at: Date
        var actor: String
        var kind: String
        var from: StageView?
        var to: StageView?
        var text: String
        var isPublic: Bool

        enum CodingKeys: String, CodingKey {
            case id, at, actor, kind, from, to, text
            case isPublic = "public"
        }
    }

    var code: String
    var type: String
    var title: String
    var content: String
    var priority: String
    var stage: StageView
    var assignee: String?
    var contact: ContactView
    var createdAt: Date
    var updatedAt: Date
    var version: Int
    var firstResponseDue: Date?
    var resolutionDue: Date?
    var timeline: [EventView]
    var attachments: [AttachmentView]

    init(_ detail: RequestDesk.Detail, for principal: Principal, _ language: Language) {
        let ticket = detail.ticket
        let workflow = detail.workflow
        code = ticket.code
        type = ticket.ticketType
        title = ticket.title
        content = ticket.content
        priority = ticket.priority
        stage = StageView(ticket.stage, in: workflow, for: principal, language)
        assignee = ticket.assignee?.displayName
        contact = ContactView(name: ticket.contact.name, email: ticket.contact.email, phone: ticket.contact.phone)
        createdAt = ticket.createdAt
        updatedAt = ticket.updatedAt
        version = ticket.version
        firstResponseDue = ticket.firstResponseDue
        resolutionDue = ticket.resolutionDue
        timeline = detail.timeline.map { event in
            EventView(
                id: event.id,
                at: event.occurredAt,
                actor: event.actorName,
                kind: event.kind.rawValue,
                from: event.fromStage.flatMap(workflow.stage).map { StageView($0.key, in: workflow, for: principal, language) },
                to: event.toStage.flatMap(workflow.stage).map { StageView($0.key, in: workflow, for: principal, language) },
                text: event.body,
                isPublic: event.isPublic
            )
        }
        attachments = detail.attachments.map(AttachmentView.init)
    }
}

struct AttachmentView: Encodable {
    var id: Int
    var fileName: String
    var contentType: String
    var size: Int
    var createdAt: Date

    init(_ info: AttachmentInfo) {
        id = info.id
        fileName = info.fileName
        contentType = info.contentType
        size = info.size
        createdAt = info.createdAt
    }
}

struct AttachmentListView: ResponseEncodable {
    var attachments: [AttachmentView]
}

struct TicketPageView: ResponseEncodable {
    struct Summary: Encodable {
        var code: String
        var type: String
        var title: String
        var priority: String
        var stage: StageView
        var assignee: String?
        var contactName: String
        var createdAt: Date
        var updatedAt: Date
    }

    var tickets: [Summary]
    var nextCursor: String?
}

struct WorkflowView: Encodable {
    struct StageDetail: Encodable {
        var key: String
        var name: String
        var terminal: Bool
        var customerVisible: Bool
    }

    struct TransitionView: Encodable {
        var from: String
        var to: String
    }

    var type: String
    var name: String
    var codePrefix: String
    var stages: [StageDetail]
    var transitions: [TransitionView]

    init(_ workflow: Workflow, _ language: Language) {
        type = workflow.ticketType
        name = language == .vi ? workflow.nameVi : workflow.nameEn
        codePrefix = workflow.codePrefix
        stages = workflow.stages.map {
            StageDetail(key: $0.key, name: language == .vi ? $0.nameVi : $0.nameEn, terminal: $0.terminal, customerVisible: $0.customerVisible)
        }
        transitions = workflow.transitions.map { TransitionView(from: $0.from, to: $0.to) }
    }
}

struct WorkflowListView: ResponseEncodable {
    var workflows: [WorkflowView]
}

/// Who is signed in; for a customer organisation also its warranty and its own administrators (C2).
struct MeView: ResponseEncodable {
    struct CustomerView: Encodable {
        struct AdminView: Encodable {
            var name: String
            var email: String
            var phone: String
        }

        var code: String
        var name: String
        var warrantyUntil: String?
        var inWarranty: Bool
        var admins: [AdminView]
    }

    var kind: String
    var name: String
    var username: String?
    var role: String?
    var customer: CustomerView?

    /// `admins` are the customer organisation's own administrators (empty for other principals).
    init(_ principal: Principal, admins: [Customer.Admin], tenant: Tenant, now: Date = Date()) {
        kind = principal.kind
        name = principal.displayName
        switch principal {
        case .staff(let staff):
            username = staff.username
            role = staff.role.rawValue
        case .portalUser(let user):
            username = user.username
        case .customer(let customer):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: tenant.timeZone) ?? .gmt
            let today = calendar.dateComponents([.year, .month, .day], from: now)
            let until = customer.warrantyUntil.map { date -> DateComponents in
                var utc = Calendar(identifier: .gregorian)
                utc.timeZone = .gmt
                return utc.dateComponents([.year, .month, .day], from: date)
            }
            self.customer = CustomerView(
                code: customer.code,
                name: customer.name,
                warrantyUntil: until.map { String(format: "%04d-%02d-%02d", $0.year!, $0.month!, $0.day!) },
                inWarranty: until.map { ($0.year!, $0.month!, $0.day!) >= (today.year!, today.month!, today.day!) } ?? false,
                admins: admins.map { .init(name: $0.name, email: $0.email, phone: $0.phone) }
            )
        }
    }
}

struct SessionView: ResponseEncodable {
    var token: String
    var expiresAt: Date
    var me: MeView
}
