import Logging
import PGStore
import PostgresNIO

/// Creates a tenant ready to work from its first minute: schema and role (PGStore's provisioning)
/// plus, in the same transaction, the default workflows of its modules and its first staff admin.
/// `migrate` uses the same workflow seeding so tenants made before a workflow existed, or that
/// gained a module, get it too.
public struct TenantOnboarding: Sendable {
    let provisioner: TenantProvisioner

    public init(provisioner: TenantProvisioner) {
        self.provisioner = provisioner
    }

    /// `firstAdmin`: the member who signs in first and sets up the rest (PRODUCT.md A1).
    public func create(_ new: NewTenant, firstAdmin: Accounts.NewStaffMember? = nil, actor: String, logger: Logger) async throws -> Tenant {
        try await provisioner.create(new, actor: actor, logger: logger) { connection in
            try await Self.installMissingWorkflows(modules: new.modules, on: connection, logger: logger)
            try await firstAdmin?.add(on: connection, logger: logger)
        }
    }

    /// For `Migrator.Options.seed`: the defaults of the tenant's modules that its schema lacks.
    public static func seed(logger: Logger) -> @Sendable (Tenant, PostgresConnection) async throws -> Void {
        { tenant, connection in try await installMissingWorkflows(modules: tenant.modules, on: connection, logger: logger) }
    }

    static func installMissingWorkflows(modules: [PortalModule], on connection: PostgresConnection, logger: Logger) async throws {
        let store = WorkflowStore()
        let installed = Set(try await store.ticketTypes(on: connection, logger: logger))
        for workflow in DefaultWorkflows.forModules(modules) where !installed.contains(workflow.ticketType) {
            try await store.install(workflow, on: connection, logger: logger)
        }
    }
}
