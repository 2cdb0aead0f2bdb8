import Foundation
import Hummingbird
import PGStore

/// The staff's customers and tokens (C1, C2), for administrators: issue a token to a new or a
/// token-less customer, rotate one, revoke one. A new token is shown once, on the answer to the
/// form that made it, never in a URL.
struct CustomerPages {
    let tokens: CustomerTokens
    let pages: PageRenderer
    let database: Database
    let desk: RequestDesk
    let sections: CustomerSections

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        let admin = staff.group("customers").add(middleware: AdminOnly())
        admin.get(use: list)
        admin.post("issue", use: issue)
        admin.post("rotate", use: rotate)
        admin.post("revoke", use: revoke)
        // One customer's whole picture, for every member.
        staff.get("customers/:code", use: picture)
    }

    @Sendable func picture(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let picture = try await CustomerPicture.load(
            code: context.parameters.get("code") ?? "",
            database: database,
            desk: desk,
            by: context.member,
            tenant: context.tenant,
            logger: context.logger
        )
        let added = try await sections.sections(
            for: picture.account,
            member: context.member,
            tenant: context.tenant,
            language: context.language,
            logger: context.logger
        )
        return pages.customerPicture(picture, sections: added, member: context.member, tenant: context.tenant, language: context.language)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let notice = request.uri.queryParameters.get("revoked") != nil ? CustomerText.revoked(context.language) : nil
        return try await FormProtection.withToken(for: request) { csrf in
            try await page(context, csrf: csrf, notice: notice)
        }
    }

    @Sendable func issue(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await change(request, context) { form in
            try await tokens.issue(
                customer: form["customer"],
                code: form["code"],
                warrantyUntil: form["warranty_until"],
                by: context.member,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    @Sendable func rotate(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await change(request, context) { form in
            try await tokens.rotate(customer: form["customer"], by: context.member, tenant: context.tenant, logger: context.logger)
        }
    }

    @Sendable func revoke(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await change(request, context) { form in
            try await tokens.revoke(customer: form["customer"], by: context.member, tenant: context.tenant, logger: context.logger)
            return nil
        }
    }

    /// Reads the form and makes the change: the page again with the new token shown once, after a
    /// revocation the list with a notice, or the form as typed with the refusal.
    private func change(
        _ request: Request,
        _ context: StaffRequestContext,
        _ apply: ([String: String]) async throws -> CustomerTokens.Issued?
    ) async throws -> Response {
        let form = try await request.form([String: String].self) ?? [:]
        return try await FormProtection.answer(request, posted: form["csrf"]) { csrf in
            guard let issued = try await apply(form) else {
                return .seeOther(.staff(.customers).with(query: "revoked"), of: context.tenant)
            }
            return try await page(context, csrf: csrf, issued: issued)
        } refused: { refusal, csrf in
            let errors = refusal.fieldErrors(context.language)
            return try await page(context, csrf: csrf, entered: form, errors: errors, status: refusal.status)
        }
    }

    private func page(
        _ context: StaffRequestContext,
        csrf: String,
        issued: CustomerTokens.Issued? = nil,
        notice: String? = nil,
        entered: [String: String] = [:],
        errors: [String: String] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        pages.customers(
            try await tokens.customers(by: context.member, tenant: context.tenant, logger: context.logger),
            issued: issued,
            notice: notice,
            entered: issued == nil ? entered : [:],
            errors: errors,
            member: context.member,
            tenant: context.tenant,
            csrf: csrf,
            language: context.language,
            status: status
        )
    }
}
