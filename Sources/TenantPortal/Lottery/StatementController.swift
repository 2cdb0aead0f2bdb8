import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// Debt periods and their statements (E5): staff close a period and see its statements under
/// `/lottery/periods/{name}/`; an agent reads and answers their own under `/lottery/me/statements`.
struct StatementController {
    let periods: LotteryPeriods
    let statements: LotteryStatements

    struct StatementView: Encodable {
        var id: Int
        var agentCode: String
        var period: String
        var start: String
        var end: String
        var openingBalance: Int64
        var draws: Int64
        var adjustments: Int64
        var payments: Int64
        var closingBalance: Int64
        /// `waiting`, `confirmed` or `disputed`.
        var state: String
        var answeredAt: Date?
        var disputeReason: String?
        /// The dispute's ticket, followed like any other.
        var ticketCode: String?

        init(_ statement: LotteryStatement) {
            id = statement.id
            agentCode = statement.agentCode
            period = statement.period
            start = statement.start
            end = statement.end
            openingBalance = statement.openingBalance
            draws = statement.draws
            adjustments = statement.adjustments
            payments = statement.payments
            closingBalance = statement.closingBalance
            state = statement.state
            answeredAt = statement.answeredAt
            disputeReason = statement.disputeReason
            ticketCode = statement.ticketCode
        }
    }

    struct StatementList: ResponseEncodable {
        var statements: [StatementView]
    }

    struct ClosingView: ResponseEncodable {
        var period: String
        var statements: Int
    }

    struct DisputeRequest: Decodable {
        var reason: String?
        var email: String?
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.post("lottery/periods/:name/closing", use: close)
        api.get("lottery/periods/:name/statements", use: periodStatements)
        api.get("lottery/me/statements", use: mine)
        api.post("lottery/me/statements/:id/confirmation", use: confirm)
        api.post("lottery/me/statements/:id/dispute", use: dispute)
    }

    @Sendable func close(_ request: Request, context: SignedInRequestContext) async throws -> ClosingView {
        try RequestDesk.requireStaff(context.principal)
        let name = context.parameters.get("name") ?? ""
        let made = try await periods.close(name, actor: context.principal.key, tenant: context.tenant, logger: context.logger)
        return ClosingView(period: name.uppercased(), statements: made)
    }

    @Sendable func periodStatements(_ request: Request, context: SignedInRequestContext) async throws -> StatementList {
        try RequestDesk.requireStaff(context.principal)
        let all = try await periods.statements(ofPeriod: context.parameters.get("name") ?? "", tenant: context.tenant, logger: context.logger)
        return StatementList(statements: all.map(StatementView.init))
    }

    @Sendable func mine(_ request: Request, context: SignedInRequestContext) async throws -> StatementList {
        StatementList(
            statements: try await statements.statements(for: context.principal, tenant: context.tenant, logger: context.logger).map(
                StatementView.init
            )
        )
    }

    @Sendable func confirm(_ request: Request, context: SignedInRequestContext) async throws -> StatementList {
        let confirmed = try await statements.confirm(try Self.id(context), by: context.principal, tenant: context.tenant, logger: context.logger)
        return StatementList(statements: [StatementView(confirmed)])
    }

    @Sendable func dispute(_ request: Request, context: SignedInRequestContext) async throws -> StatementList {
        let body = try await request.decodeBody(DisputeRequest.self, context: context)
        let disputed = try await statements.dispute(
            try Self.id(context),
            reason: body.reason,
            email: body.email,
            by: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        return StatementList(statements: [StatementView(disputed)])
    }

    static func id(_ context: SignedInRequestContext) throws(LotteryRefusal) -> Int {
        guard let id = context.parameters.get("id").flatMap(Int.init) else { throw .statementNotFound }
        return id
    }
}
