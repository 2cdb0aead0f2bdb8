import Hummingbird
import PGStore

/// The workflow editor (B2): the tenant's workflows, and one workflow's stages as a form.
extension PageRenderer {
    func workflows(_ workflows: [Workflow], member: Principal, tenant: Tenant, csrf: String, language: Language) -> Response {
        render(
            "workflows/staff-workflows",
            navigation.frame(.workflows, member: member, tenant: tenant, language: language).merging([
                "workflowLabel": WorkflowText.workflow(language), "prefixLabel": WorkflowText.prefix(language),
                "stagesLabel": WorkflowText.stages(language), "editLabel": WorkflowText.edit(language),
                "workflows": workflows.map { workflow in
                    [
                        "ticketType": workflow.ticketType, "name": language == .vi ? workflow.nameVi : workflow.nameEn, "prefix": workflow.codePrefix,
                        "stages": workflow.stages.map { $0.name(in: language) }.joined(separator: " → "),
                    ]
                },
            ]) { $1 },
            language: language,
            status: .ok
        )
    }

    /// One workflow's form; `errors` are keyed by the form's field names ("name_vi.received"), and
    /// each shows in the row of the stage it names, the rest above the form.
    func workflowEditor(
        _ draft: WorkflowDraft,
        errors: [String: String],
        saved: Bool,
        member: Principal,
        tenant: Tenant,
        csrf: String,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        let stages = draft.rows.map { (key: $0.key, name: language == .vi ? $0.nameVi : $0.nameEn) }
        /// The refusals about a row: its fields are named after its key, or the new row's placeholder.
        func concerns(_ field: String, _ row: WorkflowDraft.Row, isNew: Bool) -> Bool {
            (!row.key.isEmpty && field.hasSuffix(".\(row.key)"))
                || (isNew && (field.hasSuffix(".\(WorkflowDraft.newStage)") || ["key", "new_key"].contains(field)))
        }
        let allRows = draft.rows.map { ($0, false) } + [(draft.newRow, true)]
        func row(_ row: WorkflowDraft.Row, isNew: Bool) -> [String: Any] {
            let field = isNew ? WorkflowDraft.newStage : row.key
            var targets = stages.filter { $0.key != row.key }.map { (key: $0.key, name: $0.name) }
            if !isNew { targets.append((WorkflowDraft.newStage, WorkflowText.theNewStage(language))) }
            return [
                "isNew": isNew, "key": row.key, "field": field, "dom": isNew ? "new-stage" : row.key,
                "legend": isNew ? WorkflowText.newStage(language) : "\(language == .vi ? row.nameVi : row.nameEn) (\(row.key))",
                "position": row.position, "nameVi": row.nameVi, "nameEn": row.nameEn, "visible": row.visible, "terminal": row.terminal,
                "pauses": row.pauses, "remove": row.remove, "rowError": errors.first { concerns($0.key, row, isNew: isNew) }?.value as Any,
                "moves": targets.map { ["to": $0.key, "name": $0.name, "checked": row.moves.contains($0.key)] },
            ]
        }
        let formError = errors.first { error in
            !["name_vi", "name_en"].contains(error.key) && !allRows.contains { concerns(error.key, $0.0, isNew: $0.1) }
        }?.value
        let name = language == .vi ? draft.nameVi : draft.nameEn
        return render(
            "workflows/staff-workflow",
            navigation.frame(.workflows, member: member, tenant: tenant, language: language).merging([
                "title": name, "heading": name, "ticketType": draft.ticketType, "csrf": csrf, "error": formError as Any,
                "saved": (saved ? WorkflowText.saved(language) : nil) as Any, "submit": WorkflowText.save(language),
                "backLabel": StaffSection.workflows.name(language),
                "names": [
                    [
                        "id": "workflow-name-vi", "name": "name_vi", "label": WorkflowText.nameVi(language), "limit": 100, "value": draft.nameVi,
                        "fieldError": errors["name_vi"] as Any,
                    ],
                    [
                        "id": "workflow-name-en", "name": "name_en", "label": WorkflowText.nameEn(language), "limit": 100, "value": draft.nameEn,
                        "fieldError": errors["name_en"] as Any,
                    ],
                ],
                "stagesLabel": WorkflowText.stages(language), "keyLabel": WorkflowText.key(language), "keyHint": WorkflowText.keyHint(language),
                "positionLabel": WorkflowText.position(language), "nameViLabel": WorkflowText.nameVi(language),
                "nameEnLabel": WorkflowText.nameEn(language), "visibleLabel": WorkflowText.visible(language),
                "terminalLabel": WorkflowText.terminal(language), "pausesLabel": WorkflowText.pauses(language),
                "removeLabel": WorkflowText.remove(language), "movesLabel": WorkflowText.moves(language),
                "rows": allRows.map { row($0.0, isNew: $0.1) },
            ]) { $1 },
            language: language,
            status: status
        )
    }
}
