import Logging
import LotterySettlement
import PGStore
import PostgresNIO
import ServiceLevels

/// An agent's statements (E5): read, confirmed, or disputed with a reason, which opens a
/// `statement_dispute` ticket followed like any other. Staff make them by closing a period
/// (`LotteryPeriods`).
public struct LotteryStatements: Sendable {
    let database: Database
    let desk: RequestDesk
    private let store = LotteryStore()
    private let statements = LotteryStatementStore()

    public init(database: Database, desk: RequestDesk) {
        self.database = database
        self.desk = desk
    }

    /// The signed-in agent's own statements.
    public func statements(for principal: Principal, tenant: Tenant, logger: Logger) async throws -> [LotteryStatement] {
        try await database.reading(tenant.scope, logger: logger) { connection in
            let agent = try await Self.own(principal, store: store, on: connection, logger: logger)
            return try await statements.statements(agentID: agent.id, on: connection, logger: logger)
        }
    }

    /// The agent agrees with their statement `id`.
    public func confirm(_ id: Int, by principal: Principal, tenant: Tenant, logger: Logger) async throws -> LotteryStatement {
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            let (agent, _) = try await waiting(id, principal, on: connection, logger: logger)
            _ = try await statements.answer(
                statementID: id,
                agentID: agent.id,
                state: "confirmed",
                reason: nil,
                ticketCode: nil,
                on: connection,
                logger: logger
            )
            return try await statements.statements(agentID: agent.id, on: connection, logger: logger).first { $0.id == id }!
        }
    }

    /// The agent disputes their statement `id`: a `statement_dispute` ticket is filed in their name
    /// (its contact: the agent, at their email or `email`), then the statement is marked disputed
    /// with it. Filing is idempotent by the statement, so a retry after a failure between the two
    /// steps finds the same ticket rather than filing another.
    public func dispute(
        _ id: Int,
        reason: String?,
        email: String?,
        by principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> LotteryStatement {
        let reason = try TextInput.required(reason, field: "reason", limit: 2_000)
        let (agent, statement) = try await database.reading(tenant.scope, logger: logger) { connection in
            try await waiting(id, principal, on: connection, logger: logger)
        }
        guard let email = try TextInput.optional(email, field: "email", limit: 200) ?? agent.email else { throw LotteryRefusal.contactEmail }
        let title = LotteryText.disputeTitle(statement.period)(tenant.language)
        let filed = try await desk.file(
            .init(
                type: "statement_dispute",
                title: title,
                content: reason,
                priority: nil,
                contact: .init(name: agent.name, email: email, phone: agent.phone)
            ),
            by: principal,
            tenant: tenant,
            idempotencyKey: "lottery-statement-\(id)",
            logger: logger
        )
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard
                try await statements.answer(
                    statementID: id,
                    agentID: agent.id,
                    state: "disputed",
                    reason: reason,
                    ticketCode: filed.detail.ticket.code,
                    on: connection,
                    logger: logger
                )
            else {
                let now = try await statements.statements(agentID: agent.id, on: connection, logger: logger).first { $0.id == id }
                throw LotteryRefusal.conflict("already_answered", .alreadyAnswered(now?.state ?? "disputed"))
            }
            return try await statements.statements(agentID: agent.id, on: connection, logger: logger).first { $0.id == id }!
        }
    }

    /// The agent and their statement `id`, still waiting for an answer.
    private func waiting(
        _ id: Int,
        _ principal: Principal,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> (LotteryAgent, LotteryStatement) {
        let agent = try await Self.own(principal, store: store, on: connection, logger: logger)
        guard let statement = try await statements.statements(agentID: agent.id, on: connection, logger: logger).first(where: { $0.id == id }) else {
            throw LotteryRefusal.statementNotFound
        }
        guard statement.state == "waiting" else { throw LotteryRefusal.conflict("already_answered", .alreadyAnswered(statement.state)) }
        return (agent, statement)
    }

    /// The agent whose account `principal` is; anyone else is refused.
    static func own(_ principal: Principal, store: LotteryStore, on connection: PostgresConnection, logger: Logger) async throws -> LotteryAgent {
        guard case .portalUser(let user) = principal, user.kind == "agent",
            let agent = try await store.agent(portalUserID: user.id, on: connection, logger: logger)
        else { throw LotteryRefusal.notAgent }
        return agent
    }
}
