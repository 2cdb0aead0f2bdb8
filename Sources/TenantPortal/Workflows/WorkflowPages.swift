import Hummingbird
import PGStore

/// The workflow editor for administrators (B2): the list of the tenant's workflows, and one
/// workflow's form. A refusal shows the form again as typed, the message in the row it concerns.
struct WorkflowPages {
    let desk: RequestDesk
    let pages: PageRenderer

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        let admin = staff.group("workflows").add(middleware: AdminOnly())
        admin.get(use: list)
        admin.get(":type", use: editor)
        admin.post(":type", use: save)
    }

    @Sendable func list(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let workflows = try await desk.workflows(tenant: context.tenant, logger: context.logger)
        return try await FormProtection.withToken(for: request) { csrf in
            pages.workflows(workflows, member: context.member, tenant: context.tenant, csrf: csrf, language: context.language)
        }
    }

    @Sendable func editor(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let workflow = try await workflow(context)
        return try await FormProtection.withToken(for: request) { csrf in
            pages.workflowEditor(
                WorkflowDraft(workflow),
                errors: [:],
                saved: request.uri.queryParameters.get("saved") != nil,
                member: context.member,
                tenant: context.tenant,
                csrf: csrf,
                language: context.language,
                status: .ok
            )
        }
    }

    @Sendable func save(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let workflow = try await workflow(context)
        let form = try await FormFields.read(request)
        let draft = WorkflowDraft(form, for: workflow)
        return try await FormProtection.answer(request, posted: form["csrf"]) { csrf in
            try await desk.replaceWorkflow(try draft.workflow(), by: context.member, tenant: context.tenant, logger: context.logger)
            return .seeOther(.workflow(workflow.ticketType).with(query: "saved"), of: context.tenant)
        } refused: { refusal, csrf in
            pages.workflowEditor(
                draft,
                errors: refusal.fieldErrors(context.language),
                saved: false,
                member: context.member,
                tenant: context.tenant,
                csrf: csrf,
                language: context.language,
                status: refusal.status
            )
        }
    }

    /// The workflow the path names; an unknown one answers a page saying so (404).
    private func workflow(_ context: StaffRequestContext) async throws -> Workflow {
        let type = context.parameters.get("type") ?? ""
        guard let workflow = try await desk.workflows(tenant: context.tenant, logger: context.logger).first(where: { $0.ticketType == type }) else {
            throw PortalError.unknownWorkflow(type)
        }
        return workflow
    }
}
