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
            """,
            logger: logger
        )
        for (position, stage) in workflow.stages.enumerated() {
            try await connection.query(
                """
                INSERT INTO workflow_stages (ticket_type, stage, position, name_vi, name_en, customer_visible, terminal, pauses_clock)
                VALUES (\(workflow.ticketType), \(stage.key), \(position), \(stage.nameVi), \(stage.nameEn),
                        \(stage.customerVisible), \(stage.terminal), \(stage.pausesClock))
                """,
                logger: logger
            )
        }
        try await connection.query(
            """
            INSERT INTO workflow_transitions (ticket_type, from_stage, to_stage)
            SELECT \(workflow.ticketType), f, t FROM unnest(\(workflow.transitions.map(\.from)), \(workflow.transitions.map(\.to))) AS m(f, t)
            """,
            logger: logger
        )
    }

    /// Replaces the stages, their order and flags, the transitions and the names of an existing
    /// workflow (its type and code prefix stay). Call `ticketsInStages(of:except:)` first: a stage
    /// that tickets are in cannot go. Stage positions are moved out of the way first so the new
    /// order never collides with the old one.
    public func replace(_ workflow: Workflow, on connection: PostgresConnection, logger: Logger) async throws {
        let type = workflow.ticketType
        let stages = workflow.stages
        try await connection.query(
            "UPDATE workflows SET name_vi = \(workflow.nameVi), name_en = \(workflow.nameEn) WHERE ticket_type = \(type)",
            logger: logger
        )
        try await connection.query("DELETE FROM workflow_transitions WHERE ticket_type = \(type)", logger: logger)
        try await connection.query("UPDATE workflow_stages SET position = -position - 1 WHERE ticket_type = \(type)", logger: logger)
        try await connection.query(
            """
            INSERT INTO workflow_stages AS s (ticket_type, stage, position, name_vi, name_en, customer_visible, terminal, pauses_clock)
            SELECT \(type), k, p - 1, vi, en, v, t, pc
            FROM unnest(\(stages.map(\.key)), \(stages.map(\.nameVi)), \(stages.map(\.nameEn)), \(stages.map(\.customerVisible)),
                        \(stages.map(\.terminal)), \(stages.map(\.pausesClock))) WITH ORDINALITY AS n(k, vi, en, v, t, pc, p)
            ON CONFLICT (ticket_type, stage) DO UPDATE SET
                position = excluded.position, name_vi = excluded.name_vi, name_en = excluded.name_en,
                customer_visible = excluded.customer_visible, terminal = excluded.terminal, pauses_clock = excluded.pauses_clock
            """,
            logger: logger
        )
        try await connection.query(
            "DELETE FROM workflow_stages WHERE ticket_type = \(type) AND stage <> ALL(\(stages.map(\.key)))",
            logger: logger
        )
        try await connection.query(
            """
            INSERT INTO workflow_transitions (ticket_type, from_stage, to_stage)
            SELECT \(type), f, t FROM unnest(\(workflow.transitions.map(\.from)), \(workflow.transitions.map(\.to))) AS m(f, t)
            """,
            logger: logger
        )
    }

    /// Locks the workflow's row against other editors for the transaction; false when there is no
    /// such workflow.
    public func lock(ticketType: String, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await connection.value(
            "SELECT true FROM workflows WHERE ticket_type = \(ticketType) FOR UPDATE",
            as: Bool.self,
            logger: logger
        ) == true
    }

    /// How many tickets of the type are in each stage not in `kept`: stages that cannot be removed.
    public func ticketsInStages(
        of ticketType: String,
        except kept: [String],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws
        -> [(stage: String, tickets: Int)]
    {
        try await connection.rows(
            """
            SELECT stage, count(*) FROM tickets WHERE ticket_type = \(ticketType) AND stage <> ALL(\(kept))
            GROUP BY stage ORDER BY stage
            """,
            as: (String, Int).self,
            logger: logger
        ).map { (stage: $0, tickets: $1) }
    }

    public func ticketTypes(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        try await connection.rows("SELECT ticket_type FROM workflows", as: String.self, logger: logger)
    }

    /// Every workflow of the tenant, stages in order, in one round trip.
    public func all(on connection: PostgresConnection, logger: Logger) async throws -> [Workflow] {
        try await connection.rows(
            """
            SELECT w.ticket_type, w.code_prefix, w.name_vi, w.name_en,
                   array(SELECT stage FROM workflow_stages s WHERE s.ticket_type = w.ticket_type ORDER BY position),
                   array(SELECT name_vi FROM workflow_stages s WHERE s.ticket_type = w.ticket_type ORDER BY position),
                   array(SELECT name_en FROM workflow_stages s WHERE s.ticket_type = w.ticket_type ORDER BY position),
                   array(SELECT customer_visible FROM workflow_stages s WHERE s.ticket_type = w.ticket_type ORDER BY position),
                   array(SELECT terminal FROM workflow_stages s WHERE s.ticket_type = w.ticket_type ORDER BY position),
                   array(SELECT pauses_clock FROM workflow_stages s WHERE s.ticket_type = w.ticket_type ORDER BY position),
                   array(SELECT from_stage FROM workflow_transitions t WHERE t.ticket_type = w.ticket_type ORDER BY from_stage, to_stage),
                   array(SELECT to_stage FROM workflow_transitions t WHERE t.ticket_type = w.ticket_type ORDER BY from_stage, to_stage)
            FROM workflows w ORDER BY w.ticket_type
            """,
            as: (String, String, String, String, [String], [String], [String], [Bool], [Bool], [Bool], [String], [String]).self,
            logger: logger
        ).map { type, prefix, nameVi, nameEn, keys, stageVi, stageEn, visible, terminal, pauses, from, to in
            Workflow(
                ticketType: type,
                codePrefix: prefix,
                nameVi: nameVi,
                nameEn: nameEn,
                stages: keys.indices.map {
                    .init(keys[$0], vi: stageVi[$0], en: stageEn[$0], customerVisible: visible[$0], terminal: terminal[$0], pausesClock: pauses[$0])
                },
                transitions: zip(from, to).map { Workflow.Transition($0, $1) }
            )
        }
    }
}
