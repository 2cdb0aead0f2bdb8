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

    /// The member who signs in first and sets up the rest (PRODUCT.md A1): given an initial
    /// password, or invited by mail to choose one.
    public enum FirstAdmin: Sendable {
        case withPassword(Accounts.NewStaffMember)
        case invited(StaffInvitation)

        public var username: String {
            switch self {
            case .withPassword(let member): member.username
            case .invited(let invitation): invitation.member.username
            }
        }
    }

    public func create(_ new: NewTenant, firstAdmin: FirstAdmin? = nil, actor: String, logger: Logger) async throws -> Tenant {
        try await provisioner.create(new, actor: actor, logger: logger) { connection in
            try await Self.installMissingWorkflows(modules: new.modules, on: connection, logger: logger)
            switch firstAdmin {
            case .withPassword(let member): try await member.add(on: connection, logger: logger)
            case .invited(let invitation): try await invitation.add(on: connection, logger: logger)
            case nil: break
            }
        }
    }

    /// Changes the tenant's name, modules, language or time zone; a module it gains brings its
    /// default workflows in the same transaction. A module it loses keeps its workflows and
    /// tickets: they are the tenant's data.
    public static func update(_ slug: TenantSlug, _ edit: TenantEdit, in catalog: TenantCatalog, actor: String, logger: Logger) async throws -> Tenant
    {
        try await catalog.update(slug, edit, actor: actor, logger: logger, inScope: seed(logger: logger))
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
