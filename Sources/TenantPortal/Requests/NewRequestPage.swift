import Foundation
import Hummingbird
import NIOCore
import PGStore

/// `/t/{slug}/requests/new`: filing a request from the browser (PRODUCT.md B4, B5), with its
/// pictures in the same multipart form. Every refusal is shown next to its field with what was
/// typed kept; a hidden key makes a double submit file one ticket, not two.
struct NewRequestPage {
    let desk: RequestDesk
    let pages: PageRenderer

    func addRoutes(to portal: RouterGroup<TenantRequestContext>) {
        let signedIn = portal.group(context: SignedInRequestContext.self)
        signedIn.get("requests/new", use: form)
        signedIn.post("requests/new", use: file)
    }

    @Sendable func form(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let principal = context.principal
        let tenant = context.tenant
        let contacts = try await desk.knownContacts(of: principal, tenant: tenant, logger: context.logger)
        return try await FormProtection.withToken(for: request) { csrf in
            pages.newRequest(entered: [:], errors: [:], contacts: contacts, csrf: csrf, language: context.language, status: .ok)
        }
    }

    @Sendable func file(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let tenant = context.tenant
        let language = context.language
        let principal = context.principal
        var errors: [String: String] = [:]
        let form = try await PostedForm.read(request, limits: desk.limits)
        if let refusal = form.refusal { errors[refusal.field ?? "form"] = Catalog.message(refusal.reason, language) }
        let entered = form.fields
        let (csrf, _) = FormProtection.token(for: request)
        if errors.isEmpty && !FormProtection.accepts(entered["csrf"], request: request) {
            errors["form"] = PortalText.formExpired(language)
        }
        // Every field is checked, so the visitor sees all that is wrong at once.
        for (field, limit) in [("title", 200), ("content", 20_000)] {
            do throws(PortalError) {
                _ = try TextInput.required(entered[field], field: field, limit: limit)
            } catch {
                errors[field] = Catalog.message(error.reason, language)
            }
        }
        for problem in ContactDetails.problems(name: entered["contact_name"], email: entered["contact_email"], phone: entered["contact_phone"]) {
            errors[(problem.field ?? "form").replacingOccurrences(of: ".", with: "_")] = Catalog.message(problem.reason, language)
        }
        let uploads = form.uploads
        if errors.isEmpty {
            let filing = RequestDesk.NewRequest(
                title: entered["title"],
                content: entered["content"],
                contact: .init(name: entered["contact_name"], email: entered["contact_email"], phone: entered["contact_phone"])
            )
            do {
                let (detail, _) = try await desk.file(
                    filing,
                    attaching: uploads,
                    by: principal,
                    tenant: tenant,
                    idempotencyKey: entered["idempotency"].flatMap { $0.isEmpty ? nil : String($0.prefix(200)) },
                    logger: context.logger
                )
                return .seeOther(.request(detail.ticket.code), of: tenant)
            } catch let refusal as PortalError {
                errors[(refusal.field ?? "form").replacingOccurrences(of: ".", with: "_")] = Catalog.message(refusal.reason, language)
            }
        }
        if !uploads.isEmpty && errors["file"] == nil { errors["file"] = NewRequestText.reattach(language) }
        let contacts = try await desk.knownContacts(of: principal, tenant: tenant, logger: context.logger)
        return pages.newRequest(
            entered: entered,
            errors: errors,
            contacts: contacts,
            csrf: csrf,
            language: language,
            status: .unprocessableContent
        )
    }
}
