import Testing

@testable import PGStore

@Suite("Splitting migration files into statements")
struct SQLScriptTests {
    @Test("statements split at semicolons; comments and blank statements dropped")
    func plainSplit() {
        let sql = """
            -- a comment; with a semicolon
            CREATE TABLE a (id int); /* block; comment /* nested; */ still */
            ;
            INSERT INTO a VALUES (1)
            """
        #expect(SQLScript.statements(in: sql) == ["CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)"])
    }

    @Test("semicolons inside quotes, identifiers and dollar quotes stay in their statement")
    func quotedSemicolons() {
        let sql = """
            INSERT INTO a VALUES ('x;y', 'it''s; fine', E'back\\'slash;');
            CREATE TABLE "odd;name" (id int);
            CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
            CREATE FUNCTION g() RETURNS text AS $body$ SELECT 'a;$$;b' $body$ LANGUAGE sql;
            SELECT $1;
            """
        let statements = SQLScript.statements(in: sql)
        #expect(statements.count == 5)
        #expect(statements[0] == "INSERT INTO a VALUES ('x;y', 'it''s; fine', E'back\\'slash;')")
        #expect(statements[1] == "CREATE TABLE \"odd;name\" (id int)")
        #expect(statements[2].hasSuffix("END; $$ LANGUAGE plpgsql"))
        #expect(statements[3] == "CREATE FUNCTION g() RETURNS text AS $body$ SELECT 'a;$$;b' $body$ LANGUAGE sql")
        #expect(statements[4] == "SELECT $1")
    }

    @Test("Vietnamese text passes through unchanged")
    func unicode() {
        #expect(SQLScript.statements(in: "COMMENT ON TABLE a IS 'Phiếu yêu cầu; hỗ trợ';") == ["COMMENT ON TABLE a IS 'Phiếu yêu cầu; hỗ trợ'"])
    }
}
