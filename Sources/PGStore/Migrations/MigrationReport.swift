/// What one schema's migration did or would do.
public enum SchemaOutcome: Sendable, Equatable {
    case upToDate(version: Int)
    case migrated(from: Int, to: Int, files: [String])
    case wouldApply(from: Int, files: [String])
    /// Rolled back; the schema is still at `version`.
    case failed(version: Int, reason: String)

    /// The version the schema is at after this run, nil when it failed or this was a dry run.
    public var version: Int? {
        switch self {
        case .upToDate(let version): version
        case .migrated(_, let to, _): to
        case .wouldApply, .failed: nil
        }
    }
}

public struct TenantMigrationOutcome: Sendable, Equatable {
    public var slug: TenantSlug
    public var outcome: SchemaOutcome
}

/// The result of one `migrate` run, for the operator's report.
public struct MigrationReport: Sendable {
    public var platform: SchemaOutcome
    public var serviceLogin: ServiceLogin.Outcome?
    public var tenants: [TenantMigrationOutcome]

    public var failures: [TenantMigrationOutcome] {
        tenants.filter { if case .failed = $0.outcome { true } else { false } }
    }
}
