import Foundation
import Hummingbird
import PGStore
import ServiceLevels

/// The ticket list as the API, the "my requests" page and the staff's ticket table ask for it
/// (B7, B13), read and checked in one place: `?code=&contact=&from=&to=&status=` (or `stage=`),
/// and for staff `q=` (search), `type=`, `team=`, `priority=` (each a comma-separated list),
/// `assignee=` (a username, `me`, or `none`), `customer=` (the organisation's code), `sla=`
/// (`overdue`, `soon`, `on_time`, `none`, comma-separated), `open=1` (not in a final stage), then
/// `sort=` and `cursor=`. Dates are whole days in the tenant's
/// zone, `to` included.
struct TicketListQuery {
    var filter: TicketFilter
    var status: String?
    var sort: TicketSort
    var cursor: TicketCursor?

    init(_ request: Request, tenant: Tenant) throws(PortalError) {
        try self.init(query: request.uri.query ?? "", tenant: tenant)
    }

    /// The same from the query's text: an address's, or a saved view's.
    init(query raw: String, tenant: Tenant) throws(PortalError) {
        // Read as a form sends it: a GET form writes a space as `+` (and a typed `+` as `%2B`).
        let query = FormFields(raw)
        func text(_ name: String, limit: Int) throws(PortalError) -> String? {
            try TextInput.optional(query[name], field: name, limit: limit)
        }
        func list(_ name: String, limit: Int) throws(PortalError) -> [String]? {
            try text(name, limit: limit * 10).map { $0.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty } }
        }
        filter = TicketFilter(
            code: try text("code", limit: 40)?.uppercased(),
            contact: try text("contact", limit: 200),
            from: try text("from", limit: 40).map { text throws(PortalError) in try Self.day(text, field: "from", tenant: tenant) },
            to: try text("to", limit: 40).map { text throws(PortalError) in
                try Self.day(text, field: "to", tenant: tenant).addingTimeInterval(86_400)
            },
            search: try text("q", limit: 200),
            types: try list("type", limit: 40),
            teams: try list("team", limit: 80),
            assignee: try text("assignee", limit: 80).map { $0 == "none" ? .nobody : .staff($0.lowercased()) },
            priorities: try list("priority", limit: 10),
            customer: try text("customer", limit: 40)?.uppercased(),
            serviceLevels: try list("sla", limit: 10).map { names throws(PortalError) in
                try names.map { name throws(PortalError) in
                    guard let state = ServiceLevelState(rawValue: name) else {
                        throw .invalid(field: "sla", .notOneOf(name, allowed: ServiceLevelState.allCases.map(\.rawValue)))
                    }
                    return state
                }
            },
            openOnly: try text("open", limit: 5).map { ["1", "true"].contains($0) } ?? false
        )
        for priority in filter.priorities ?? [] where !RequestDesk.priorities.contains(priority) {
            throw .invalid(field: "priority", .unknownPriority(priority))
        }
        let stage = try text("stage", limit: 40)
        status = stage == nil ? try text("status", limit: 40) : stage
        sort =
            try text("sort", limit: 20).map { text throws(PortalError) in
                guard let sort = TicketSort(text) else {
                    throw .invalid(field: "sort", .notOneOf(text, allowed: TicketSort.Key.allCases.flatMap { [$0.rawValue, "-" + $0.rawValue] }))
                }
                return sort
            } ?? .newest
        cursor = try query["cursor"].map { text throws(PortalError) in try Self.cursor(text) }
    }

    /// `?limit=`, which only the API takes: 1 to 100.
    static func limit(_ text: String) throws(PortalError) -> Int {
        guard let limit = Int(text), (1...100).contains(limit) else { throw .invalid(field: "limit", .outOfRange(1, 100)) }
        return limit
    }

    /// Midnight starting `text` (YYYY-MM-DD, years 1900-2999) in the tenant's time zone. A month or
    /// day the calendar does not have is refused (`LocalDate`): `Calendar` would roll it over
    /// (2024-13-01 into 2025-01-01) rather than fail.
    static func day(_ text: String, field: String, tenant: Tenant) throws(PortalError) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: tenant.timeZone) ?? .gmt
        guard let day = LocalDate(text), (1900...2999).contains(day.year),
            let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
        else { throw .invalid(field: field, .invalidDate(text)) }
        return date
    }

    /// Cursors are opaque to clients: base64url of "<sort>:<id>:<position>".
    static func encode(_ cursor: TicketCursor) -> String {
        Data("\(cursor.sort.name):\(cursor.id):\(cursor.position)".utf8).base64URLEncoded
    }

    /// A cursor as `encode` wrote it; whether it fits the order asked for is the desk's to check.
    static func cursor(_ text: String) throws(PortalError) -> TicketCursor {
        guard let data = Data(base64URLEncoded: text), let decoded = String(data: data, encoding: .utf8) else {
            throw .invalid(field: "cursor", .invalidCursor)
        }
        let parts = decoded.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let sort = TicketSort(String(parts[0])), let id = Int(parts[1]) else {
            throw .invalid(field: "cursor", .invalidCursor)
        }
        let cursor = TicketCursor(sort: sort, position: String(parts[2]), id: id)
        guard cursor.isWellFormed else { throw .invalid(field: "cursor", .invalidCursor) }
        return cursor
    }
}
