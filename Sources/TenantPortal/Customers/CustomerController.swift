import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// `/customers`: customer organisations and their tokens, for administrators (PRODUCT.md C1, I3),
/// as the customers page has them. A new token is in the answer this once (`Cache-Control:
/// no-store`); only its hash is kept.
struct CustomerController {
    let tokens: CustomerTokens

    struct CustomerView: Encodable {
        var code: String
        var name: String
        /// `YYYY-MM-DD`, the warranty's last day.
        var warrantyUntil: String?
        /// When the current token was issued; absent when the customer has none.
        var tokenIssuedAt: Date?
        var accountManager: String?
    }

    struct CustomerListView: ResponseEncodable {
        var customers: [CustomerView]
    }

    /// `customer`: the organisation's code, or a name only one organisation has (a new one's name
    /// when issuing). `code` (issuing only): the organisation's code; one not seen before makes a
    /// new organisation named `customer`.
    struct TokenRequest: Decodable {
        var customer: String?
        var code: String?
        var warrantyUntil: String?
    }

    struct TokenView: ResponseEncodable {
        var customer: String
        var code: String
        var token: String
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("customers", use: list)
        api.post("customers/tokens", use: issue)
        api.post("customers/tokens/rotation", use: rotate)
        api.post("customers/tokens/revocation", use: revoke)
    }

    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> CustomerListView {
        let customers = try await tokens.customers(by: context.principal, tenant: context.tenant, logger: context.logger)
        return CustomerListView(
            customers: customers.map {
                CustomerView(
                    code: $0.code,
                    name: $0.name,
                    warrantyUntil: $0.warrantyUntil.map { $0.formatted(.iso8601.year().month().day()) },
                    tokenIssuedAt: $0.tokenIssuedAt,
                    accountManager: $0.accountManager
                )
            }
        )
    }

    @Sendable func issue(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let body = try await request.decodeBody(TokenRequest.self, context: context)
        let issued = try await tokens.issue(
            customer: body.customer,
            code: body.code,
            warrantyUntil: body.warrantyUntil,
            by: context.principal,
            tenant: context.tenant,
            logger: context.logger
        )
        return try Self.answer(issued, .created, request, context)
    }

    @Sendable func rotate(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let body = try await request.decodeBody(TokenRequest.self, context: context)
        let issued = try await tokens.rotate(customer: body.customer, by: context.principal, tenant: context.tenant, logger: context.logger)
        return try Self.answer(issued, .ok, request, context)
    }

    @Sendable func revoke(_ request: Request, context: SignedInRequestContext) async throws -> HTTPResponse.Status {
        let body = try await request.decodeBody(TokenRequest.self, context: context)
        try await tokens.revoke(customer: body.customer, by: context.principal, tenant: context.tenant, logger: context.logger)
        return .noContent
    }

    /// A new token must not be kept by the client's cache or a proxy.
    private static func answer(
        _ issued: CustomerTokens.Issued,
        _ status: HTTPResponse.Status,
        _ request: Request,
        _ context: SignedInRequestContext
    ) throws -> Response {
        var response = try EditedResponse(status: status, response: TokenView(customer: issued.customer, code: issued.code, token: issued.token))
            .response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
