import Foundation
import PGStore

/// The workflow editor's form as entered: one row per stage (with its order, names, flags, the
/// stages it may move to and whether to remove it) and a row for a new stage. It turns into the
/// workflow to store, and back into the form when a refusal shows it again as typed.
struct WorkflowDraft {
    struct Row {
        var key: String
        var nameVi = ""
        var nameEn = ""
        var position: Int
        var visible = true
        var terminal = false
        var pauses = false
        var remove = false
        /// Stage keys; `WorkflowDraft.newStage` stands for the new row's stage.
        var moves: [String] = []
    }

    /// The new row's name in the form's field names ("name_vi.+new"): never a valid stage key.
    static let newStage = "+new"

    var ticketType: String
    var codePrefix: String
    var nameVi: String
    var nameEn: String
    var rows: [Row]
    var newRow: Row

    init(_ workflow: Workflow) {
        ticketType = workflow.ticketType
        codePrefix = workflow.codePrefix
        nameVi = workflow.nameVi
        nameEn = workflow.nameEn
        rows = workflow.stages.enumerated().map { index, stage in
            Row(
                key: stage.key,
                nameVi: stage.nameVi,
                nameEn: stage.nameEn,
                position: index + 1,
                visible: stage.customerVisible,
                terminal: stage.terminal,
                pauses: stage.pausesClock,
                moves: workflow.transitions.filter { $0.from == stage.key }.map(\.to)
            )
        }
        newRow = Row(key: "", position: rows.count + 1)
    }

    /// The form posted for `workflow`; stages are those the form lists.
    init(_ form: FormFields, for workflow: Workflow) {
        func row(_ field: String, key: String, position: Int) -> Row {
            Row(
                key: key,
                nameVi: form["name_vi.\(field)"] ?? "",
                nameEn: form["name_en.\(field)"] ?? "",
                position: Int(form["position.\(field)"] ?? "") ?? position,
                visible: form["visible.\(field)"] != nil,
                terminal: form["terminal.\(field)"] != nil,
                pauses: form["pauses.\(field)"] != nil,
                remove: form["remove.\(field)"] != nil,
                moves: form.all("moves.\(field)")
            )
        }
        ticketType = workflow.ticketType
        codePrefix = workflow.codePrefix
        nameVi = form["name_vi"] ?? ""
        nameEn = form["name_en"] ?? ""
        rows = form.all("stage").enumerated().map { row($1, key: $1, position: $0 + 1) }
        newRow = row(Self.newStage, key: (form["new_key"] ?? "").trimmed.lowercased(), position: rows.count + 1)
    }

    /// The workflow to store: rows not removed plus the new one if it has a key, in the order of
    /// their positions. A new row with names but no key is refused.
    func workflow() throws(PortalError) -> Workflow {
        var kept = rows.filter { !$0.remove }
        if !newRow.key.isEmpty {
            kept.append(newRow)
        } else if !(newRow.nameVi + newRow.nameEn).trimmed.isEmpty {
            throw .invalid(field: "new_key", .required)
        }
        // On a tie the row that was given a new place goes first: typing 3 puts a stage third.
        let original = Dictionary((rows + [newRow]).enumerated().map { ($1.key, $0 + 1) }) { first, _ in first }
        let ordered = kept.enumerated().sorted { first, second in
            func order(_ item: (offset: Int, element: Row)) -> (Int, Int, Int) {
                (item.element.position, item.element.position == original[item.element.key] ? 1 : 0, item.offset)
            }
            return order(first) < order(second)
        }.map(\.element)
        return Workflow(
            ticketType: ticketType,
            codePrefix: codePrefix,
            nameVi: nameVi,
            nameEn: nameEn,
            stages: ordered.map {
                .init($0.key, vi: $0.nameVi, en: $0.nameEn, customerVisible: $0.visible, terminal: $0.terminal, pausesClock: $0.pauses)
            },
            transitions: ordered.flatMap { row in
                row.moves.map { Workflow.Transition(row.key, $0 == Self.newStage ? newRow.key : $0) }
            }
        )
    }
}
