import Logging
import PGStore

/// Editing a workflow (PRODUCT.md B2), for administrators: the whole workflow is replaced at once
/// under a lock on it, and only when no ticket is in a stage that would go.
extension RequestDesk {
    public func replaceWorkflow(_ edited: Workflow, by principal: Principal, tenant: Tenant, logger: Logger) async throws {
        try NotificationDesk.requireAdmin(principal)
        let workflow = try WorkflowRules.checked(edited)
        let store = WorkflowStore()
        try await database.withTenant(tenant.scope, logger: logger) { connection in
            guard try await store.lock(ticketType: workflow.ticketType, on: connection, logger: logger) else {
                throw PortalError.unknownWorkflow(workflow.ticketType)
            }
            let kept = workflow.stages.map(\.key)
            if let used = try await store.ticketsInStages(of: workflow.ticketType, except: kept, on: connection, logger: logger).first {
                throw PortalError.invalid(field: "remove.\(used.stage)", .stageInUse(used.stage, tickets: used.tickets))
            }
            try await store.replace(workflow, on: connection, logger: logger)
        }
        workflows.forget(tenant)
    }
}
