import Foundation
import PGStore

/// What makes an edited workflow usable (PRODUCT.md B2): valid, distinct stage keys with names in
/// both languages, a first stage that is not final, at least one final stage, and a way out of
/// every stage that is not final. Transitions to itself or to a stage not listed are dropped.
enum WorkflowRules {
    static func checked(_ workflow: Workflow) throws(PortalError) -> Workflow {
        var workflow = workflow
        workflow.nameVi = try TextInput.required(workflow.nameVi, field: "name_vi", limit: 100)
        workflow.nameEn = try TextInput.required(workflow.nameEn, field: "name_en", limit: 100)
        var keys: Set<String> = []
        for index in workflow.stages.indices {
            let key = workflow.stages[index].key
            guard key.range(of: #"^[a-z][a-z0-9_]{0,39}$"#, options: .regularExpression) != nil else {
                throw .invalid(field: "key", .stageKeyInvalid(key))
            }
            guard keys.insert(key).inserted else { throw .invalid(field: "key", .stageGivenTwice(key)) }
            workflow.stages[index].nameVi = try TextInput.required(workflow.stages[index].nameVi, field: "name_vi.\(key)", limit: 100)
            workflow.stages[index].nameEn = try TextInput.required(workflow.stages[index].nameEn, field: "name_en.\(key)", limit: 100)
        }
        guard let first = workflow.stages.first else { throw .invalid(field: "form", .noTerminalStage) }
        if first.terminal { throw .invalid(field: "terminal.\(first.key)", .firstStageTerminal) }
        guard workflow.stages.contains(where: \.terminal) else { throw .invalid(field: "form", .noTerminalStage) }
        var seen: Set<Workflow.Transition> = []
        workflow.transitions = workflow.transitions.filter { move in
            move.from != move.to && keys.contains(move.from) && keys.contains(move.to) && seen.insert(move).inserted
        }
        for stage in workflow.stages where !stage.terminal && !workflow.transitions.contains(where: { $0.from == stage.key }) {
            throw .invalid(field: "moves.\(stage.key)", .stageWithoutExit(stage.nameVi))
        }
        return workflow
    }
}
