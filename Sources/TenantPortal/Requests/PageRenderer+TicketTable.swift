import Foundation
import Hummingbird
import PGStore

/// The staff's ticket table (B13, issue 18): the shell, the default views with their counts, the
/// filters as asked, the rows, sort links on the sortable columns, and the bulk action form.
extension PageRenderer {
    func ticketTable(_ table: TicketTable, member: Principal, tenant: Tenant, csrf: String, language: Language) -> Response {
        let base = PortalPath.staffHome.href(tenant.slug)
        let ticked = Set(table.refused?.1.all("code") ?? [])
        var values = navigation.frame(.tickets, member: member, tenant: tenant, language: language, searchText: table.value("q"))
        values.merge(refusedForm(table, language)) { $1 }
        values.merge(
            [
                "csrf": csrf, "viewsLabel": TicketTableText.views(language), "views": views(table, member: member, language),
                "saved": table.saved.map { counted in
                    [
                        "id": counted.view.id, "name": counted.view.name, "href": "?" + counted.view.query,
                        "count": counted.count.map { $0 > TicketStore.countCap ? "\(TicketStore.countCap)+" : String($0) } ?? "–",
                        "current": counted.view.query == String(table.link([:]).dropFirst()),
                    ] as [String: Any]
                },
                "saveLabel": TicketTableText.saveView(language), "viewName": TicketTableText.viewName(language),
                "deleteLabel": TicketTableText.deleteView(language), "currentQuery": String(table.link([:]).dropFirst()),
                "filters": filters(table, language), "filtersLabel": TicketTableText.filters(language),
                "apply": TicketTableText.apply(language), "clear": TicketTableText.clear(language), "sort": table.value("sort"),
                "error": table.error.map { Catalog.message($0.reason, language) } as Any,
                "columns": columns(table, language), "rows": rows(table, ticked: ticked, tenant: tenant, language),
                "hasRows": !table.rows.isEmpty, "empty": TicketTableText.empty(language),
                "selectAllLabel": TicketTableText.selectAll(language), "selectRow": TicketTableText.selectRow(language),
                "bulkAction": base + "tickets/bulk" + table.link([:]),
                "view": table.parameters.contains { !["cursor", "lang"].contains($0.name) } ? table.link([:]) : "",
                "bulkHeading": TicketTableText.bulkHeading(language),
                "actionLabel": TicketTableText.action(language), "runLabel": TicketTableText.run(language),
                "assignLabel": TicketTableText.assign(language), "moveLabel": TicketTableText.move(language),
                "noteLabel": TicketTableText.noteText(language), "nobody": TicketTableText.nobody(language),
                "next": table.next.map { table.link(["cursor": TicketListQuery.encode($0)]) } as Any,
                "nextLabel": TicketTableText.next(language),
                "memberUsername": Self.username(of: member),
                "liveHref": PortalPath.ticketChanges(since: Date()).href(tenant.slug), "reloadHref": table.link([:]),
                "reloadLabel": TicketTableText.reload(language), "newLabel": TicketTableText.newTickets(language),
                "changedLabel": TicketTableText.changedTickets(language), "keysLabel": TicketTableText.keys(language),
                "keys": [
                    ("j", TicketTableText.keyDown), ("k", TicketTableText.keyUp), ("Enter", TicketTableText.keyOpen),
                    ("x", TicketTableText.keyTick), ("a", TicketTableText.keyAssign), ("/", TicketTableText.keySearch),
                    ("?", TicketTableText.keyHelp),
                ].map { ["key": $0.0, "what": $0.1(language)] },
                "hasOutcomes": !table.outcomes.isEmpty,
                "outcomeSummary": TicketTableText.results(
                    done: table.outcomes.filter { (try? $0.outcome.get()) != nil }.count,
                    refused: table.outcomes.filter { (try? $0.outcome.get()) == nil }.count,
                    language
                ),
                "outcomes": table.outcomes.map { code, outcome in
                    switch outcome {
                    case .success: ["code": code, "ok": true, "text": TicketTableText.done(language)] as [String: Any]
                    case .failure(let refusal):
                        ["code": code, "ok": false, "text": TicketTableText.notDone(language) + ": " + Catalog.message(refusal.reason, language)]
                    }
                },
            ]
        ) { $1 }
        values["title"] = TicketTableText.heading(language)
        values["heading"] = TicketTableText.heading(language)
        return render("requests/staff-tickets", values, language: language, status: table.error?.status ?? table.refused?.0.status ?? .ok)
    }

    /// The bulk and save-view forms' choices, as a refused form was filled in (else as new), and
    /// why it was refused.
    private func refusedForm(_ table: TicketTable, _ language: Language) -> [String: Any] {
        let typed = table.refused?.1
        let actions: [(String, Sentence)] = [("assign", TicketTableText.assign), ("move", TicketTableText.move), ("note", TicketTableText.note)]
        return [
            "actionError": table.refused.map { Catalog.message($0.0.reason, language) } as Any,
            "typedViewName": typed?["name"] ?? "", "wholeView": typed?["all"] == "1", "noteTyped": typed?["text"] ?? "",
            "wholeViewLabel": TicketTableText.wholeView(RequestDesk.bulkLimit)(language),
            "actions": actions.map { ["value": $0.0, "name": $0.1(language), "selected": typed?["action"] == $0.0] as [String: Any] },
            "staff": table.staff.map {
                ["username": $0.username, "name": $0.displayName, "selected": typed?["assignee"] == $0.username] as [String: Any]
            },
            "stages": stageChoices(table.workflows, chosen: typed?["to"] ?? "", language),
        ]
    }

    private static func username(of member: Principal) -> String {
        guard case .staff(let staff) = member else { return "" }
        return staff.username
    }

    /// The member's default views: mine, my team (when they have one), unassigned, due soon.
    private func views(_ table: TicketTable, member: Principal, _ language: Language) -> [[String: Any]] {
        guard case .staff(let staff) = member else { return [] }
        var views: [(TicketStore.Queue, [String: String?])] = [(.mine, ["assignee": "me", "open": "1"])]
        if !staff.team.isEmpty { views.append((.team, ["team": staff.team, "open": "1"])) }
        views += [(.unassigned, ["assignee": "none", "open": "1"]), (.soon, ["sla": "overdue,soon"])]
        let asked = Set(table.parameters.filter { !["cursor", "lang", "sort"].contains($0.name) }.map { "\($0.name)=\($0.value)" })
        return views.map { queue, filter in
            let own = Set(filter.compactMap { name, value in value.map { "\(name)=\($0)" } })
            return [
                "href": TicketTable.link(from: [], filter),
                "name": StaffText.queue(queue.rawValue, language), "count": table.counts[queue] ?? 0, "current": own == asked,
            ]
        }
    }

    private func filters(_ table: TicketTable, _ language: Language) -> [[String: Any]] {
        func options(_ name: String, _ choices: [(value: String, label: String)]) -> [String: Any] {
            let chosen = table.value(name)
            return [
                "isSelect": true,
                "options": [["value": "", "label": TicketTableText.anyOption(language), "selected": chosen.isEmpty]]
                    + choices.map { ["value": $0.value, "label": $0.label, "selected": $0.value == chosen] },
            ]
        }
        func text(_ type: String) -> [String: Any] { ["isInput": true, "type": type] }
        let teams = Array(Set(table.staff.map(\.team).filter { !$0.isEmpty })).sorted()
        let fields: [(String, Sentence, [String: Any])] = [
            ("q", TicketTableText.search, text("search")),
            (
                "stage", TicketTableText.stage,
                options(
                    "stage",
                    stageChoices(table.workflows, chosen: "", language).map { ($0["value"] as? String ?? "", $0["name"] as? String ?? "") }
                )
            ),
            ("type", TicketTableText.type, options("type", table.workflows.map { ($0.ticketType, language == .vi ? $0.nameVi : $0.nameEn) })),
            (
                "assignee", RequestPageText.assignee,
                options(
                    "assignee",
                    [("me", TicketTableText.me(language)), ("none", TicketTableText.nobody(language))]
                        + table.staff.map { ($0.username, $0.displayName) }
                )
            ),
            ("team", TicketTableText.team, options("team", teams.map { ($0, $0) })),
            ("priority", TicketTableText.priority, options("priority", RequestDesk.priorities.map { ($0, StaffText.priorityName($0, language)) })),
            (
                "sla", TicketTableText.serviceLevel,
                options("sla", ServiceLevelState.allCases.map { ($0.rawValue, TicketTableText.state($0)(language)) })
            ),
            ("customer", TicketTableText.customerCode, text("text")),
            ("from", TicketTableText.from, text("date")),
            ("to", TicketTableText.to, text("date")),
        ]
        return fields.map { name, label, kind in
            kind.merging(["name": name, "id": "filter-" + name, "label": label(language), "value": table.value(name)]) { $1 }
        } + [
            [
                "isCheck": true, "name": "open", "id": "filter-open", "label": TicketTableText.openOnly(language),
                "checked": table.value("open") == "1",
            ]
        ]
    }

    /// Each stage key once, named as its first workflow names it.
    private func stageChoices(_ workflows: [Workflow], chosen: String, _ language: Language) -> [[String: Any]] {
        var seen = Set<String>()
        return workflows.flatMap(\.stages).filter { seen.insert($0.key).inserted }.map {
            ["value": $0.key, "name": $0.name(in: language), "selected": $0.key == chosen]
        }
    }

    private func columns(_ table: TicketTable, _ language: Language) -> [[String: Any]] {
        let current = table.query?.sort ?? .newest
        func column(_ name: Sentence, _ key: TicketSort.Key? = nil) -> [String: Any] {
            guard let key else { return ["name": name(language)] }
            let sorted = current.key == key ? (current.descending ? "descending" : "ascending") : nil
            let next = current.key == key && !current.descending ? "-" + key.rawValue : key.rawValue
            return ["name": name(language), "href": table.link(["sort": next]), "sorted": sorted as Any]
        }
        return [
            column(RequestPageText.code, .code), column(RequestPageText.title, .title), column(TicketTableText.customer, .customer),
            column(TicketTableText.contact, .contact), column(TicketTableText.type, .type), column(TicketTableText.stage, .stage),
            column(TicketTableText.priority, .priority), column(RequestPageText.assignee, .assignee), column(TicketTableText.team, .team),
            column(TicketTableText.due, .due), column(TicketTableText.channel), column(TicketTableText.updated, .updated),
        ]
    }

    private func rows(_ table: TicketTable, ticked: Set<String>, tenant: Tenant, _ language: Language) -> [[String: Any]] {
        let now = Date()
        return table.rows.map { entry in
            let ticket = entry.ticket
            let workflow = table.workflows.first { $0.ticketType == ticket.ticketType }
            let stage = workflow?.stage(ticket.stage)
            let state = stage?.terminal == true ? nil : ServiceLevelState(nextDue: entry.nextDue, at: now)
            return [
                "code": ticket.code, "title": ticket.title, "ticked": ticked.contains(ticket.code),
                "customer": [entry.customerCode, entry.customerName].compactMap { $0 }.joined(separator: " · "),
                "customerCode": entry.customerCode as Any,
                "contact": ticket.contact.name,
                "type": workflow.map { language == .vi ? $0.nameVi : $0.nameEn } ?? ticket.ticketType,
                "stage": stage?.name(in: language) ?? ticket.stage, "priority": StaffText.priorityName(ticket.priority, language),
                "priorityKey": ticket.priority,
                "assignee": ticket.assignee?.displayName ?? TicketTableText.nobody(language), "team": ticket.team,
                "due": entry.nextDue.map { DateText.dateTime($0, timeZone: tenant.timeZone, language) } ?? "",
                "slaKey": state?.rawValue ?? "closed", "slaText": state.map { TicketTableText.state($0)(language) } ?? "",
                "channel": ticket.filedBy.hasPrefix("staff:") ? TicketTableText.byStaff(language) : TicketTableText.portal(language),
                "updated": DateText.dateTime(ticket.updatedAt, timeZone: tenant.timeZone, language),
            ]
        }
    }
}
