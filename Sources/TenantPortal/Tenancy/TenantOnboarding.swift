import Logging
import PGStore

/// Creates a tenant ready to work from its first minute: schema and role (PGStore's provisioning)
/// plus, in the same transaction, the default workflows of its modules.
public struct TenantOnboarding: Sendable {
    let provisioner: TenantProvisioner

    public init(provisioner: TenantProvisioner) {
        self.provisioner = provisioner
    }

    public func create(_ new: NewTenant, actor: String, logger: Logger) async throws -> Tenant {
        try await provisioner.create(new, actor: actor, logger: logger) { connection in
            for workflow in DefaultWorkflows.forModules(new.modules) {
                try await WorkflowStore().install(workflow, on: connection, logger: logger)
            }
        }
    }
}
