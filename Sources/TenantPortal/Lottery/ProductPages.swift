import Foundation
import Hummingbird
import PGStore

/// The workspace's lottery products (E3, issue 19 item 10): each product's code, name and ticket
/// price, and the form that adds one or changes its name and price.
struct ProductPages {
    let agents: LotteryAgents
    let pages: PageRenderer

    struct ProductForm: Decodable {
        var csrf: String?
        var code: String?
        var name: String?
        var price: String?
    }

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get("lottery/products", use: show)
        staff.post("lottery/products", use: save)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let saved = FormFields(request.uri.query ?? "")["saved"] != nil
        return try await FormProtection.withToken(for: request) { csrf in
            try await page(
                context,
                typed: ProductForm(),
                csrf: csrf,
                notice: saved ? AgentFormText.productSaved(context.language) : nil,
                errors: [:],
                status: .ok
            )
        }
    }

    @Sendable func save(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let typed = try await request.form(ProductForm.self) ?? ProductForm()
        return try await FormProtection.withToken(for: request) { csrf in
            guard FormProtection.accepts(typed.csrf, request: request) else {
                let expired = ["form": PortalText.formExpired(context.language)]
                return try await page(context, typed: typed, csrf: csrf, notice: nil, errors: expired, status: .forbidden)
            }
            do {
                try RequestDesk.requireStaff(context.member)
                _ = try await agents.saveProduct(
                    code: typed.code ?? "",
                    name: typed.name,
                    price: typed.price ?? "",
                    tenant: context.tenant,
                    logger: context.logger
                )
                return Response.seeOther(PortalPath("staff/lottery/products").with(query: "saved"), of: context.tenant)
            } catch let refusal as any PortalRefusal {
                let errors = [refusal.field ?? "form": refusal.message(context.language)]
                return try await page(context, typed: typed, csrf: csrf, notice: nil, errors: errors, status: refusal.status)
            }
        }
    }

    private func page(
        _ context: StaffRequestContext,
        typed: ProductForm,
        csrf: String,
        notice: String?,
        errors: [String: String],
        status: HTTPResponse.Status
    ) async throws -> Response {
        try RequestDesk.requireStaff(context.member)
        let language = context.language
        func field(_ name: String, _ label: Sentence, _ value: String?, limit: Int) -> [String: Any] {
            [
                "id": "product-\(name)", "name": name, "label": label(language), "multiline": false, "limit": limit, "value": value ?? "",
                "fieldError": errors[name] as Any,
            ]
        }
        let products = try await agents.products(tenant: context.tenant, logger: context.logger)
        let values: [String: Any] = [
            "title": AgentFormText.products(language), "heading": AgentFormText.products(language), "csrf": csrf, "notice": notice as Any,
            "error": errors["form"] as Any, "hint": AgentFormText.productHint(language),
            "fields": [
                field("code", AgentFormText.productCode, typed.code, limit: 32), field("name", AgentFormText.productName, typed.name, limit: 200),
                field("price", AgentFormText.price, typed.price, limit: 20),
            ],
            "submit": AgentFormText.saveProduct(language), "hasProducts": !products.isEmpty, "noProducts": AgentFormText.noProducts(language),
            "columns": [AgentFormText.productCode, AgentFormText.productName, AgentFormText.price].map { $0(language) },
            "products": products.map { ["code": $0.code, "name": $0.name, "price": MoneyText.vnd(Int($0.price), language)] },
        ]
        return pages.renderStaff(
            "lottery/staff-products",
            section: .lotteryAgents,
            values,
            member: context.member,
            tenant: context.tenant,
            language: language,
            status: status
        )
    }
}
