import PostgresNIO

/// A statement put together from fixed fragments of SQL, chosen by what a request asks for (a
/// filter given or not), with every value bound, never written into the text: `bind` appends the
/// value and gives its `$n`. For a list whose filters come and go, a statement with only the
/// conditions asked for lets PostgreSQL use each condition's index, where one statement with
/// `($1 IS NULL OR ...)` for every filter would be planned for none of them.
struct SQLBuilder {
    private(set) var sql = ""
    private var binds = PostgresBindings()

    mutating func append(_ fragment: String) {
        sql += fragment
    }

    /// `$n` for `value`, bound as the next parameter.
    mutating func bind<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value) throws -> String {
        try binds.append(value)
        return "$\(binds.count)"
    }

    var query: PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}
