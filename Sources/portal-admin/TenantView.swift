import Foundation
import PGStore

/// A tenant as `tenant list` and `tenant show` print it.
struct TenantView: Encodable {
    struct Table: Encodable {
        var name: String
        var rows: Int
        var bytes: Int
    }

    var slug: String
    var displayName: String
    var status: String
    var modules: [String]
    var locale: String
    var timeZone: String
    var schema: String
    var schemaVersion: Int
    var createdAt: Date
    var bytes: Int
    var tables: [Table]?

    init(_ tenant: Tenant, bytes: Int, tables: [TableUsage]? = nil) {
        slug = tenant.slug.value
        displayName = tenant.displayName
        status = tenant.status.rawValue
        modules = tenant.modules.map(\.rawValue)
        locale = tenant.locale.rawValue
        timeZone = tenant.timeZone
        schema = tenant.slug.schemaName.name
        schemaVersion = tenant.schemaVersion
        createdAt = tenant.createdAt
        self.bytes = bytes
        self.tables = tables?.map { Table(name: $0.table, rows: $0.rows, bytes: $0.bytes) }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func table(_ views: [TenantView]) -> String {
        let header = ["SLUG", "STATUS", "VERSION", "SIZE", "MODULES", "NAME"]
        let rows = views.map {
            [$0.slug, $0.status, String($0.schemaVersion), kibibytes($0.bytes), $0.modules.joined(separator: ","), $0.displayName]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows)
            .map { row in zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
    }

    var details: String {
        var lines = [
            "slug:           \(slug)",
            "name:           \(displayName)",
            "status:         \(status)",
            "modules:        \(modules.isEmpty ? "-" : modules.joined(separator: ", "))",
            "locale:         \(locale)",
            "time zone:      \(timeZone)",
            "schema:         \(schema) (version \(schemaVersion))",
            "created:        \(createdAt.formatted(.iso8601))",
            "size:           \(Self.kibibytes(bytes))",
        ]
        for table in tables ?? [] {
            lines.append("  \(table.name): \(table.rows) rows, \(Self.kibibytes(table.bytes))")
        }
        return lines.joined(separator: "\n")
    }

    static func kibibytes(_ bytes: Int) -> String {
        "\((bytes + 1023) / 1024) KiB"
    }
}
