/// A CSV file as the imports read it (lottery ledger, employees, orders): UTF-8 (a byte-order mark
/// is fine, as spreadsheets write it), RFC 4180 quoting (`"a, b"`, `""` for a quote, line breaks
/// inside quotes), CRLF or LF line ends, a header row naming the columns. Every record keeps the
/// line it starts on, so an error can say where.
public struct CSVTable: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        /// The line of the file the record starts on (the header is line 1).
        public let line: Int
        public let cells: [String]
    }

    public let header: [String]
    public let records: [Record]

    /// Reads `bytes`; the first record is the header. Blank lines are skipped.
    public init(_ bytes: some Collection<UInt8>) throws(CSVError) {
        var body = Array(bytes)
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else { throw .notUTF8 }
        var records = try Self.records(text)
        guard !records.isEmpty else { throw .empty }
        header = records.removeFirst().cells.map { $0.trimmingCharacters(in: " \t") }
        self.records = records
    }

    /// Checks the header is exactly `columns`, in order.
    public func requireHeader(_ columns: [String]) throws(CSVError) {
        guard header == columns else { throw .header(expected: columns, found: header) }
    }

    private static func records(_ text: String) throws(CSVError) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var start = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        func finishRecord() {
            cells.append(cell)
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Record(line: start, cells: cells)) }
            cells = []
            cell = ""
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        cell.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.isEmpty && !afterQuote:
                quoted = true
            case ",":
                cells.append(cell)
                cell = ""
                afterQuote = false
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                finishRecord()
                afterQuote = false
                line += 1
                start = line
            case "\n":
                finishRecord()
                afterQuote = false
                line += 1
                start = line
            default:
                guard !afterQuote else { throw .textAfterQuote(line: line) }
                cell.unicodeScalars.append(scalar)
            }
        }
        guard !quoted else { throw .unterminatedQuote(line: start) }
        if !cell.isEmpty || !cells.isEmpty || afterQuote { finishRecord() }
        return records
    }
}

/// Why a file is not a CSV table.
public enum CSVError: Error, Equatable, Sendable {
    case notUTF8
    case empty
    case unterminatedQuote(line: Int)
    case textAfterQuote(line: Int)
    case header(expected: [String], found: [String])
}

extension String {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, characters.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, characters.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
