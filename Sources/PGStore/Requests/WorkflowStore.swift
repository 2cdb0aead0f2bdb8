import Logging
import PostgresNIO

/// Reads and installs a tenant's workflows. Every function runs inside the tenant's scope.
public struct WorkflowStore: Sendable {
    public init() {}

    public func install(_ workflow: Workflow, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO workflows (ticket_type, code_prefix, name_vi, name_en)
            VALUES (\(workflow.ticketType), \(workflow.codePrefix), \(workflow.nameVi), \(workflow.nameEn))
            """, logger: logger)
        for (position, stage) in workflow.stages.enumerated() {
            try await connection.query(
                """
                INSERT INTO workflow_stages (ticket_type, stage, position, name_vi, name_en, customer_visible, terminal)
                VALUES (\(workflow.ticketType), \(stage.key), \(position), \(stage.nameVi), \(stage.nameEn),
                        \(stage.customerVisible), \(stage.terminal))
                """, logger: logger)
        }
        try await connection.query(
            """
            INSERT INTO workflow_transitions (ticket_type, from_stage, to_stage)
            SELECT \(workflow.ticketType), f, t FROM unnest(\(workflow.transitions.map(\.from)), \(workflow.transitions.map(\.to))) AS m(f, t)
            """, logger: logger)
    }

    /// Every workflow of the tenant, stages in order.
    public func all(on connection: PostgresConnection, logger: Logger) async throws -> [Workflow] {
        var workflows: [String: Workflow] = [:]
        var order: [String] = []
        for (type, prefix, nameVi, nameEn) in try await connection.rows(
            "SELECT ticket_type, code_prefix, name_vi, name_en FROM workflows ORDER BY ticket_type",
            as: (String, String, String, String).self, logger: logger)
        {
            workflows[type] = Workflow(ticketType: type, codePrefix: prefix, nameVi: nameVi, nameEn: nameEn, stages: [], transitions: [])
            order.append(type)
        }
        for (type, key, nameVi, nameEn, visible, terminal) in try await connection.rows(
            "SELECT ticket_type, stage, name_vi, name_en, customer_visible, terminal FROM workflow_stages ORDER BY ticket_type, position",
            as: (String, String, String, String, Bool, Bool).self, logger: logger)
        {
            workflows[type]?.stages.append(.init(key, vi: nameVi, en: nameEn, customerVisible: visible, terminal: terminal))
        }
        for (type, from, to) in try await connection.rows(
            "SELECT ticket_type, from_stage, to_stage FROM workflow_transitions ORDER BY ticket_type, from_stage, to_stage",
            as: (String, String, String).self, logger: logger)
        {
            workflows[type]?.transitions.append(.init(from, to))
        }
        return order.compactMap { workflows[$0] }
    }
}
