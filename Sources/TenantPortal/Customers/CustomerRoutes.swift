import Foundation
import HTTPTypes
import Hummingbird
import PGStore

/// `/customers`: customer organisations and their tokens, for administrators (PRODUCT.md C1, I3),
/// as the customers page has them. A new token is in the answer this once (`Cache-Control:
/// no-store`); only its hash is kept.
struct CustomerRoutes {
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

    func add(to api: RouterGroup<PortalRequestContext>) {
        api.get("customers") { _, context in
            let customers = try await tokens.customers(
                by: try context.requirePrincipal(),
                tenant: try context.requireTenant(),
                logger: context.logger
            )
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
        api.post("customers/tokens") { request, context in
            let body = try await request.decodeBody(TokenRequest.self, context: context)
            let issued = try await tokens.issue(
                customer: body.customer,
                code: body.code,
                warrantyUntil: body.warrantyUntil,
                by: try context.requirePrincipal(),
                tenant: try context.requireTenant(),
                logger: context.logger
            )
            return try Self.answer(issued, .created, request, context)
        }
        api.post("customers/tokens/rotation") { request, context in
            let body = try await request.decodeBody(TokenRequest.self, context: context)
            let issued = try await tokens.rotate(
                customer: body.customer,
                by: try context.requirePrincipal(),
                tenant: try context.requireTenant(),
                logger: context.logger
            )
            return try Self.answer(issued, .ok, request, context)
        }
        api.post("customers/tokens/revocation") { request, context in
            let body = try await request.decodeBody(TokenRequest.self, context: context)
            try await tokens.revoke(
                customer: body.customer,
                by: try context.requirePrincipal(),
                tenant: try context.requireTenant(),
                logger: context.logger
            )
            return HTTPResponse.Status.noContent
        }
    }

    /// A new token must not be kept by the client's cache or a proxy.
    private static func answer(
        _ issued: CustomerTokens.Issued,
        _ status: HTTPResponse.Status,
        _ request: Request,
        _ context: PortalRequestContext
    ) throws -> Response {
        var response = try EditedResponse(status: status, response: TokenView(customer: issued.customer, code: issued.code, token: issued.token))
            .response(from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
