import Foundation
import Logging
import LotterySettlement
import PGStore
import PostgresNIO
import ServiceLevels

/// The lottery module's agents and products (E1): made, listed and changed by staff (workspace,
/// API) and by operators (`portal-admin agent`, `lottery product`). An agent comes with the portal
/// account they sign in with, made in the same transaction.
public struct LotteryAgents: Sendable {
    let database: Database
    private let store = LotteryStore()

    public init(database: Database) {
        self.database = database
    }

    /// A new agent as given, checked: code, name, phone, region, commission rate (at most 15%),
    /// collateral in whole đồng, and the account (username: the code in lower case unless given),
    /// with a password or a set-password link mailed to the agent.
    public struct NewAgent: Sendable {
        /// How the agent first signs in.
        public enum Access: Sendable {
            case password(String)
            /// A link mailed to the agent's email (needed), written by `InvitationMail`.
            case link(InvitationMail, Tenant)
        }

        let code: String
        let name: String
        let phone: String
        let email: String?
        let region: String
        let commission: Rate
        let collateral: Int64
        let account: Accounts.NewPortalAccount

        /// The set-password link mailed to the agent, when they were given one.
        public var invitationLink: String? { account.link }

        public init(
            code: String,
            name: String?,
            phone: String?,
            email: String? = nil,
            region: String?,
            commissionRate: String?,
            collateral: String?,
            username: String?,
            access: Access
        ) async throws {
            guard let checked = LotteryInput.code(code) else { throw LotteryRefusal.invalid("code", .agentCodeInvalid(code)) }
            self.code = checked
            self.name = try TextInput.required(name, field: "name", limit: 200)
            guard let phone = ContactDetails.normalizedPhone(phone ?? "") else { throw PortalError.invalid(field: "phone", .phoneInvalid) }
            self.phone = phone
            self.email = try LotteryAgents.email(email)
            self.region = try TextInput.optional(region, field: "region", limit: 100) ?? ""
            commission = try commissionRate.map { text throws(LotteryRefusal) in try LotteryInput.commission(text) } ?? Rate(millionths: 0)!
            self.collateral = try collateral.map { text throws(LotteryRefusal) in try LotteryInput.amount(text, field: "collateral") } ?? 0
            let portalAccess: Accounts.NewPortalAccount.Access
            switch access {
            case .password(let password): portalAccess = .password(password)
            case .link(let writer, let tenant):
                guard let email = self.email else { throw PortalError.invalid(field: "email", .required) }
                portalAccess = .link(writer, tenant, email: email)
            }
            do {
                account = try await Accounts.NewPortalAccount(
                    username: username ?? checked.lowercased(),
                    displayName: self.name,
                    kind: "agent",
                    endsOn: nil,
                    access: portalAccess
                )
            } catch Accounts.Failure.invalidUsername {
                throw PortalError.invalid(field: "username", .usernameInvalid)
            } catch Accounts.Failure.invalid(let reason) {
                throw PortalError.invalid(field: "password", reason)
            }
        }
    }

    /// Stores the agent and their account together; the agent as stored.
    public func create(_ agent: NewAgent, actor: String, tenant: Tenant, logger: Logger) async throws -> LotteryAgent {
        do {
            return try await database.withTenant(tenant.scope, logger: logger) { connection in
                let account = try await agent.account.add(to: tenant, on: connection, logger: logger)
                _ = try await store.createAgent(
                    code: agent.code,
                    name: agent.name,
                    phone: agent.phone,
                    email: agent.email,
                    region: agent.region,
                    commissionMillionths: agent.commission.millionths,
                    collateral: agent.collateral,
                    portalUserID: account,
                    actor: actor,
                    on: connection,
                    logger: logger
                )
                return try await store.agent(code: agent.code, on: connection, logger: logger)!
            }
        } catch Accounts.Failure.usernameTaken(let taken) {
            throw PortalError.usernameTaken(taken)
        } catch let error where error.sqlState == "23505" {
            throw LotteryRefusal.agentExists(agent.code)
        }
    }

    public func list(region: String?, tenant: Tenant, logger: Logger) async throws -> [LotteryAgent] {
        try await database.reading(tenant.scope, logger: logger) { try await store.agents(region: region, on: $0, logger: logger) }
    }

    /// Every agent with their oldest draw date still owed and the tenant's limit (percent of
    /// collateral), for the workspace's list; staff only.
    public func overview(
        by principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> (
        agents: [LotteryAgent], oldest: [Int: String], limitPercent: Int
    ) {
        try RequestDesk.requireStaff(principal)
        return try await database.reading(tenant.scope, logger: logger) { connection in
            (
                try await store.agents(on: connection, logger: logger), try await store.oldestDebts(on: connection, logger: logger),
                try await store.settings(on: connection, logger: logger).limitPercent
            )
        }
    }

    /// The agent's collateral amounts, newest first.
    public func collateralHistory(
        code: String,
        tenant: Tenant,
        logger: Logger
    ) async throws -> [(
        amount: Int64, reason: String, actor: String, at: Date
    )] {
        try await database.reading(tenant.scope, logger: logger) { connection in
            guard let agent = try await store.agent(code: code, on: connection, logger: logger) else { throw LotteryRefusal.agentNotFound }
            return try await store.collateralHistory(agentID: agent.id, on: connection, logger: logger)
        }
    }

    public func agent(code: String, tenant: Tenant, logger: Logger) async throws -> LotteryAgent {
        guard let code = LotteryInput.code(code),
            let agent = try await database.reading(tenant.scope, logger: logger, { try await store.agent(code: code, on: $0, logger: logger) })
        else { throw LotteryRefusal.agentNotFound }
        return agent
    }

    /// What may change of an agent; nil keeps it. A new rate applies from `commissionFrom` (default
    /// today in the tenant's zone), to draws on or after it; a new collateral needs its reason.
    public struct Change: Sendable {
        public var name: String?
        public var phone: String?
        public var email: String?
        public var region: String?
        public var active: Bool?
        public var commissionRate: String?
        public var commissionFrom: String?
        public var collateral: String?
        public var reason: String?

        public init(
            name: String? = nil,
            phone: String? = nil,
            email: String? = nil,
            region: String? = nil,
            active: Bool? = nil,
            commissionRate: String? = nil,
            commissionFrom: String? = nil,
            collateral: String? = nil,
            reason: String? = nil
        ) {
            self.name = name
            self.phone = phone
            self.email = email
            self.region = region
            self.active = active
            self.commissionRate = commissionRate
            self.commissionFrom = commissionFrom
            self.collateral = collateral
            self.reason = reason
        }
    }

    /// Applies `change` to the agent `code`, all of it or nothing; the agent as it now is.
    public func update(code: String, _ change: Change, actor: String, tenant: Tenant, logger: Logger) async throws -> LotteryAgent {
        let details = LotteryAgentChange(
            name: try TextInput.optional(change.name, field: "name", limit: 200),
            phone: try change.phone.map { text throws(PortalError) in
                guard let phone = ContactDetails.normalizedPhone(text) else { throw .invalid(field: "phone", .phoneInvalid) }
                return phone
            },
            email: try Self.email(change.email),
            region: try change.region.map { text throws(PortalError) in try TextInput.optional(text, field: "region", limit: 100) ?? "" },
            active: change.active
        )
        let rate = try change.commissionRate.map { text throws(LotteryRefusal) in try LotteryInput.commission(text) }
        let from = try change.commissionFrom.map { text throws(PortalError) in
            guard let day = LocalDate(text) else { throw .invalid(field: "commission_from", .invalidDate(text)) }
            return day.description
        }
        let collateral = try change.collateral.map { text throws(LotteryRefusal) in try LotteryInput.amount(text, field: "collateral") }
        let reason = try TextInput.optional(change.reason, field: "reason", limit: 500)
        if collateral != nil, reason == nil { throw PortalError.invalid(field: "reason", .required) }
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard let code = LotteryInput.code(code), let agent = try await store.agent(code: code, on: connection, logger: logger) else {
                throw LotteryRefusal.agentNotFound
            }
            try await store.change(agentID: agent.id, details, on: connection, logger: logger)
            if let rate {
                let day = from ?? tenant.today().description
                try await store.setCommission(agentID: agent.id, millionths: rate.millionths, from: day, actor: actor, on: connection, logger: logger)
            }
            if let collateral {
                try await store.setCollateral(
                    agentID: agent.id,
                    amount: collateral,
                    reason: reason ?? "",
                    actor: actor,
                    on: connection,
                    logger: logger
                )
            }
            return try await store.agent(code: code, on: connection, logger: logger)!
        }
    }

    /// Creates the product or sets its name and price.
    public func saveProduct(code: String, name: String?, price: String, tenant: Tenant, logger: Logger) async throws -> LotteryProduct {
        guard let code = LotteryInput.code(code) else { throw LotteryRefusal.invalid("code", .productCodeInvalid(code)) }
        let name = try TextInput.required(name, field: "name", limit: 200)
        let price = try LotteryInput.amount(price, field: "price")
        guard price > 0 else { throw LotteryRefusal.invalid("price", .amount("0")) }
        return try await database.withTenant(tenant.scope, logger: logger) { connection in
            let id = try await store.saveProduct(code: code, name: name, price: price, on: connection, logger: logger)
            return LotteryProduct(id: id, code: code, name: name, price: price)
        }
    }

    /// An agent's email as typed, checked; nil when none is given.
    static func email(_ text: String?) throws(PortalError) -> String? {
        guard let text = try TextInput.optional(text, field: "email", limit: 200) else { return nil }
        guard let email = ContactDetails.normalizedEmail(text) else { throw .invalid(field: "email", .emailInvalid) }
        return email
    }

    /// A rate in millionths as a decimal fraction: `0.1`.
    public static func rateText(_ millionths: Int64) -> String {
        Rate(millionths: millionths)?.description ?? String(millionths)
    }

    public func products(tenant: Tenant, logger: Logger) async throws -> [LotteryProduct] {
        try await database.reading(tenant.scope, logger: logger) { try await store.products(on: $0, logger: logger) }
    }
}
