import CSV
import Testing

@Suite("Reading CSV files")
struct CSVTableTests {
    @Test("a header and records, with the line each starts on; a BOM, CRLF and blank lines are fine")
    func reads() throws {
        let table = try CSVTable(Array("\u{FEFF}erp_id,note\r\nA1,Vé ế\r\n\r\nA2,\"Trả thưởng, đợt 2\"\r\n".utf8))
        #expect(table.header == ["erp_id", "note"])
        #expect(table.records.map(\.cells) == [["A1", "Vé ế"], ["A2", "Trả thưởng, đợt 2"]])
        #expect(table.records.map(\.line) == [2, 4])
    }

    @Test("quotes: a doubled quote is one, a line break inside quotes stays in the cell and counts as a line")
    func quotes() throws {
        let table = try CSVTable(Array("a,b\n\"say \"\"hi\"\"\",\"two\nlines\"\nx,\n".utf8))
        #expect(table.records.map(\.cells) == [["say \"hi\"", "two\nlines"], ["x", ""]])
        #expect(table.records.map(\.line) == [2, 4])
    }

    @Test("the last record needs no line end")
    func noFinalNewline() throws {
        #expect(try CSVTable(Array("a\n1".utf8)).records.map(\.cells) == [["1"]])
        #expect(try CSVTable(Array("a,b\n1,\"\"".utf8)).records.map(\.cells) == [["1", ""]])
    }

    @Test("bad files are refused saying why and where")
    func refusals() {
        #expect(throws: CSVError.notUTF8) { try CSVTable([0x61, 0x0A, 0xC3, 0x28]) }
        #expect(throws: CSVError.empty) { try CSVTable(Array("\u{FEFF}\n\n".utf8)) }
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVTable(Array("a\n\"open\nstill".utf8)) }
        #expect(throws: CSVError.textAfterQuote(line: 2)) { try CSVTable(Array("a\n\"x\"y\n".utf8)) }
        let table = try? CSVTable(Array("b,a\n".utf8))
        #expect(throws: CSVError.header(expected: ["a", "b"], found: ["b", "a"])) { try table?.requireHeader(["a", "b"]) }
    }
}
