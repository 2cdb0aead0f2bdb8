import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// `/lottery/...`: staff keep the agents and products (E1); an agent reads their own figures under
/// `/lottery/me/` and nothing of anyone else's.
struct LotteryController {
    let agents: LotteryAgents
    let imports: LedgerImport
    let invitations: InvitationMail

    /// The largest ledger file taken over HTTP (a year of a big distributor's rows is far less).
    static let importLimit = 64 * 1024 * 1024

    struct ImportView: ResponseEncodable {
        var applied: Int
        var skipped: Int
    }

    struct AgentList: ResponseEncodable {
        var agents: [AgentListing]
    }

    /// A new agent: amounts and the rate as text or numbers, so `0.10` and `50000000` are read
    /// exactly as typed (never through floating point).
    struct NewAgentRequest: Decodable {
        var code: String?
        var name: String?
        var phone: String?
        var email: String?
        var region: String?
        var commissionRate: ExactNumber?
        var collateral: ExactNumber?
        var username: String?
        var password: String?
    }

    struct ChangeRequest: Decodable {
        var name: String?
        var phone: String?
        var email: String?
        var region: String?
        var active: Bool?
        var commissionRate: ExactNumber?
        var commissionFrom: String?
        var collateral: ExactNumber?
        var reason: String?
    }

    struct ProductRequest: Decodable {
        var name: String?
        var price: ExactNumber?
    }

    struct ProductView: ResponseEncodable {
        var code: String
        var name: String
        var price: Int64
    }

    struct ProductList: ResponseEncodable {
        var products: [ProductView]
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("lottery/agents", use: list)
        api.post("lottery/agents", use: create)
        api.get("lottery/agents/:code", use: agent)
        api.patch("lottery/agents/:code", use: update)
        api.post("lottery/imports", use: importLedger)
        api.get("lottery/products", use: products)
        api.put("lottery/products/:code", use: saveProduct)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> AgentList {
        try RequestDesk.requireStaff(context.principal)
        let region = try TextInput.optional(request.uri.queryParameters["region"].map(String.init), field: "region", limit: 100)
        return AgentList(agents: try await agents.list(region: region, tenant: context.tenant, logger: context.logger).map(AgentListing.init))
    }

    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> EditedResponse<AgentListing> {
        try RequestDesk.requireStaff(context.principal)
        let body = try await request.decodeBody(NewAgentRequest.self, context: context)
        // Without a password, a set-password link goes to the agent's email.
        let password = body.password.flatMap { $0.isEmpty ? nil : $0 }
        let agent = try await LotteryAgents.NewAgent(
            code: body.code ?? "",
            name: body.name,
            phone: body.phone,
            email: body.email,
            region: body.region,
            commissionRate: body.commissionRate?.text,
            collateral: body.collateral?.text,
            username: body.username,
            access: password.map { .password($0) } ?? .link(invitations, context.tenant)
        )
        let created = try await agents.create(agent, actor: context.principal.key, tenant: context.tenant, logger: context.logger)
        return EditedResponse(status: .created, response: AgentListing(created))
    }

    @Sendable func agent(_ request: Request, context: SignedInRequestContext) async throws -> AgentListing {
        try RequestDesk.requireStaff(context.principal)
        return AgentListing(try await agents.agent(code: context.parameters.get("code") ?? "", tenant: context.tenant, logger: context.logger))
    }

    @Sendable func update(_ request: Request, context: SignedInRequestContext) async throws -> AgentListing {
        try RequestDesk.requireStaff(context.principal)
        let body = try await request.decodeBody(ChangeRequest.self, context: context)
        let change = LotteryAgents.Change(
            name: body.name,
            phone: body.phone,
            email: body.email,
            region: body.region,
            active: body.active,
            commissionRate: body.commissionRate?.text,
            commissionFrom: body.commissionFrom,
            collateral: body.collateral?.text,
            reason: body.reason
        )
        let code = context.parameters.get("code") ?? ""
        return AgentListing(try await agents.update(code: code, change, actor: context.principal.key, tenant: context.tenant, logger: context.logger))
    }

    /// The ERP's ledger file as the request's body (`text/csv`), named by `?file_name=`.
    @Sendable func importLedger(_ request: Request, context: SignedInRequestContext) async throws -> ImportView {
        try RequestDesk.requireStaff(context.principal)
        let body = try await request.body.collect(upTo: Self.importLimit)
        let name = try TextInput.optional(request.uri.queryParameters["file_name"].map(String.init), field: "file_name", limit: 200) ?? "upload.csv"
        let outcome = try await imports.run(
            file: body.readableBytesView,
            fileName: name,
            actor: context.principal.key,
            tenant: context.tenant,
            logger: context.logger
        )
        return ImportView(applied: outcome.applied, skipped: outcome.skipped)
    }

    @Sendable func products(_ request: Request, context: SignedInRequestContext) async throws -> ProductList {
        try RequestDesk.requireStaff(context.principal)
        let all = try await agents.products(tenant: context.tenant, logger: context.logger)
        return ProductList(products: all.map { ProductView(code: $0.code, name: $0.name, price: $0.price) })
    }

    @Sendable func saveProduct(_ request: Request, context: SignedInRequestContext) async throws -> ProductView {
        try RequestDesk.requireStaff(context.principal)
        let body = try await request.decodeBody(ProductRequest.self, context: context)
        guard let price = body.price else { throw PortalError.invalid(field: "price", .required) }
        let product = try await agents.saveProduct(
            code: context.parameters.get("code") ?? "",
            name: body.name,
            price: price.text,
            tenant: context.tenant,
            logger: context.logger
        )
        return ProductView(code: product.code, name: product.name, price: product.price)
    }
}

/// A number as the JSON had it, digit for digit (`0.10`, `50000000`), or a string of one: rates
/// and amounts are checked as exact decimals, never read through `Double`. A JSON number is
/// re-read from its text by `JSONDecoder` as `Decimal`, which keeps every digit that matters here.
struct ExactNumber: Decodable {
    let text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else if let number = try? container.decode(Decimal.self) {
            text = "\(number)"
        } else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "a number or its text"))
        }
    }
}

extension AgentListing: ResponseEncodable {}
