import Foundation
import Logging
import PGStore

/// Public tracking (PRODUCT.md B6), like a parcel: a ticket's code plus the last four digits of its
/// contact's phone show where the ticket stands, without signing in. Only the stage the customer
/// may see and the time of the last change are shown. Five misses from one address within 15
/// minutes lock that address out for the rest of the window (`SignInLimit.tracking`); misses are
/// never counted per code, which anyone could otherwise lock by guessing at it.
extension RequestDesk {
    public struct Tracking: Sendable {
        public var code: String
        public var stage: Workflow.Stage
        public var stages: [Workflow.Stage]
        public var updatedAt: Date
    }

    public func track(
        code rawCode: String?,
        phoneDigits rawDigits: String?,
        address: String,
        tenant: Tenant,
        logger: Logger
    ) async throws -> Tracking? {
        let code = try TextInput.required(rawCode, field: "code", limit: 40).uppercased()
        let digits = try TextInput.required(rawDigits, field: "phone", limit: 20).filter(\.isNumber)
        guard digits.count == 4 else { throw PortalError.invalid(field: "phone", .phoneDigits) }
        let limit = SignInLimit.tracking(address: address)
        let access = AccessStore()
        let found = try await database.withTenant(tenant.scope, logger: logger) { connection -> Tracking? in
            try await SignInLimit.refuseHeldBack([limit], on: connection, logger: logger)
            guard let ticket = try await tickets.ticket(code: code, on: connection, logger: logger), ticket.contact.phone.hasSuffix(digits),
                let workflow = try await workflows.value(of: tenant, on: connection, logger: logger).first(where: {
                    $0.ticketType == ticket.ticketType
                }),
                workflow.stage(ticket.stage) != nil
            else {
                try await access.recordFailedSignIn(subjects: [limit.subject], on: connection, logger: logger)
                return nil
            }
            let visible = workflow.stages.filter { $0.customerVisible && !($0.terminal && $0.key != ticket.stage) }
            let shown = workflow.customerStage(of: ticket.stage)
            return Tracking(code: ticket.code, stage: shown, stages: visible, updatedAt: ticket.updatedAt)
        }
        return found
    }
}
