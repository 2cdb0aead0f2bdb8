import Foundation
import Hummingbird
import PGStore
import ServiceLevels

/// `?code=&contact=&from=&to=&status=&cursor=`: the ticket list as the API and the "my
/// requests" page both ask for it (B7), read and checked in one place. Dates are whole days in
/// the tenant's zone, `to` included.
struct TicketListQuery {
    var filter: TicketFilter
    var status: String?
    var cursor: TicketCursor?

    init(_ request: Request, tenant: Tenant) throws(PortalError) {
        let query = request.uri.queryParameters
        filter = TicketFilter(
            code: try TextInput.optional(query.get("code"), field: "code", limit: 40)?.uppercased(),
            contact: try TextInput.optional(query.get("contact"), field: "contact", limit: 200),
            from: try query.get("from").flatMap { $0.isEmpty ? nil : $0 }.map { text throws(PortalError) in
                try Self.day(text, field: "from", tenant: tenant)
            },
            to: try query.get("to").flatMap { $0.isEmpty ? nil : $0 }.map { text throws(PortalError) in
                try Self.day(text, field: "to", tenant: tenant).addingTimeInterval(86_400)
            }
        )
        status = try TextInput.optional(query.get("status"), field: "status", limit: 40)
        cursor = try query.get("cursor").map { text throws(PortalError) in try Self.cursor(text) }
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

    /// Cursors are opaque to clients: base64url of "<microseconds since 1970>:<id>".
    static func encode(_ cursor: TicketCursor) -> String {
        let text = "\(Int64((cursor.createdAt.timeIntervalSince1970 * 1_000_000).rounded())):\(cursor.id)"
        return Data(text.utf8).base64URLEncoded
    }

    static func cursor(_ text: String) throws(PortalError) -> TicketCursor {
        guard let data = Data(base64URLEncoded: text), let decoded = String(data: data, encoding: .utf8) else {
            throw .invalid(field: "cursor", .invalidCursor)
        }
        let parts = decoded.split(separator: ":")
        // Bounded to years 1970-2999: the position of a real ticket, and a time PostgreSQL can take.
        guard parts.count == 2, let micros = Int64(parts[0]), (0...32_503_680_000_000_000).contains(micros), let id = Int(parts[1])
        else { throw .invalid(field: "cursor", .invalidCursor) }
        return TicketCursor(createdAt: Date(timeIntervalSince1970: Double(micros) / 1_000_000), id: id)
    }
}
