import PostgresNIO

extension Error {
    /// The SQLSTATE PostgreSQL answered with, when this error came from the server.
    public var sqlState: String? {
        (self as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The constraint PostgreSQL named, when this error broke one (a unique index, a check).
    public var constraintName: String? {
        (self as? PSQLError)?.serverInfo?[.constraintName]
    }

    /// The error in words an operator can act on. PostgresNIO's own description is deliberately vague
    /// (it may be shown to end users); this one carries the server's message for logs and the CLI.
    public var operatorMessage: String {
        guard let error = self as? PSQLError else { return String(describing: self) }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.detail].map { " (\($0))" } ?? "")
        }
        if let underlying = error.underlying { return "cannot reach PostgreSQL: \(underlying)" }
        return "database error: \(error.code)"
    }
}

/// SQLSTATE codes the store reacts to.
enum SQLState {
    static let uniqueViolation = "23505"
    static let duplicateObject = "42710"
}
