import PGStore
import Testing

@Suite("Database URLs from the environment")
struct DatabaseURLTests {
    @Test("a full URL is read with its parts, password kept out of the description")
    func parsesFullURL() throws {
        let url = try DatabaseURL("postgres://portal:s%40cret@db.example:6543/portal?sslmode=require", setting: "DATABASE_URL")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.username == "portal")
        #expect(url.password == "s@cret")
        #expect(url.database == "portal")
        #expect(url.tlsMode == .require)
        #expect(!url.description.contains("cret"))
    }

    @Test("port and sslmode have libpq's defaults")
    func defaults() throws {
        let url = try DatabaseURL("postgresql://portal@localhost/portal", setting: "DATABASE_URL")
        #expect(url.port == 5432)
        #expect(url.tlsMode == .prefer)
        #expect(url.password == nil)
    }

    @Test(
        "malformed URLs name the setting and what is wrong",
        arguments: [
            ("mysql://u@h/db", "is not a PostgreSQL URL"), ("postgres://h/db", "has no user name"),
            ("postgres://u@h", "has no database name"), ("postgres://u@h/db?sslmode=maybe", "has sslmode 'maybe'"),
            ("postgres://u@h/db?timeout=3", "unknown option 'timeout'"), ("not a url", "is not a PostgreSQL URL"),
        ]
    )
    func malformed(text: String, problem: String) {
        #expect {
            try DatabaseURL(text, setting: "ADMIN_DATABASE_URL")
        } throws: { error in
            let error = error as? SettingError
            return error?.setting == "ADMIN_DATABASE_URL" && error?.problem.contains(problem) == true
        }
    }
}
