import Hummingbird
import PGStore

/// The workflow editor for administrators (B2): the list of the tenant's workflows, and one
/// workflow's form. A refusal shows the form again as typed, the message in the row it concerns.
extension TenantRoutes {
    func addWorkflowPages(to portal: RouterGroup<PortalRequestContext>) {
        portal.get("staff/workflows") { request, context in
            try await staffPage(request, context, adminOnly: true) { _, tenant, csrf in
                pages.workflows(
                    try await desk.workflows(tenant: tenant, logger: context.logger),
                    tenant: tenant,
                    csrf: csrf,
                    language: context.language
                )
            }
        }
        portal.get("staff/workflows/:type") { request, context in
            try await staffPage(request, context, adminOnly: true) { _, tenant, csrf in
                guard let workflow = try await workflow(context, tenant: tenant) else { return unknownWorkflow(context) }
                return pages.workflowEditor(
                    WorkflowDraft(workflow),
                    errors: [:],
                    saved: request.uri.queryParameters.get("saved") != nil,
                    tenant: tenant,
                    csrf: csrf,
                    language: context.language,
                    status: .ok
                )
            }
        }
        portal.post("staff/workflows/:type") { request, context in
            try await staffPage(request, context, adminOnly: true) { principal, tenant, csrf in
                guard let workflow = try await workflow(context, tenant: tenant) else { return unknownWorkflow(context) }
                let form = try await FormFields.read(request)
                let draft = WorkflowDraft(form, for: workflow)
                do {
                    guard FormProtection.accepts(form["csrf"], request: request) else { throw PortalError.invalid(field: "form", .formExpired) }
                    try await desk.replaceWorkflow(try draft.workflow(), by: principal, tenant: tenant, logger: context.logger)
                    return Self.redirect(to: .workflow(workflow.ticketType).with(query: "saved"), of: tenant)
                } catch let refusal as PortalError {
                    return pages.workflowEditor(
                        draft,
                        errors: [refusal.field ?? "form": Catalog.message(refusal.reason, context.language)],
                        saved: false,
                        tenant: tenant,
                        csrf: csrf,
                        language: context.language,
                        status: refusal.status
                    )
                }
            }
        }
    }

    private func workflow(_ context: PortalRequestContext, tenant: Tenant) async throws -> Workflow? {
        let type = context.parameters.get("type") ?? ""
        return try await desk.workflows(tenant: tenant, logger: context.logger).first { $0.ticketType == type }
    }

    private func unknownWorkflow(_ context: PortalRequestContext) -> Response {
        let reason = PortalError.Reason.unknownWorkflow(context.parameters.get("type") ?? "")
        return pages.notice(.refused(Catalog.message(reason, context.language)), language: context.language, status: .notFound)
    }
}
