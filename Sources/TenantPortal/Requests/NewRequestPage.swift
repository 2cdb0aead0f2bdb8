import Foundation
import Hummingbird
import NIOCore
import PGStore

/// `/t/{slug}/requests/new`: filing a request from the browser (PRODUCT.md B4, B5), with its
/// pictures in the same multipart form. Every refusal is shown next to its field with what was
/// typed kept; a hidden key makes a double submit file one ticket, not two.
extension TenantRoutes {
    func addNewRequestPage(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("requests/new") { request, context in
            let tenant = try context.requireTenant()
            guard let principal = try await signedIn(request, tenant: tenant, context) else { return Self.toFrontPage(tenant) }
            let contacts = try await desk.knownContacts(of: principal, tenant: tenant, logger: context.logger)
            return try await FormProtection.withToken(for: request) { csrf in
                pages.newRequest(entered: [:], errors: [:], contacts: contacts, csrf: csrf, language: context.language, status: .ok)
            }
        }
        portal.post("requests/new") { request, context in
            let tenant = try context.requireTenant()
            let language = context.language
            guard let principal = try await signedIn(request, tenant: tenant, context) else { return Self.toFrontPage(tenant) }
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
                    return Self.redirect(to: .request(detail.ticket.code), of: tenant)
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
}
