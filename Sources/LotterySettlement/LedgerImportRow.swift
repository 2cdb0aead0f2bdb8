public import CSV
public import ServiceLevels

/// One row of the ERP's ledger file (E6), checked on its own: the header is
/// `erp_id,kind,agent_code,date,product,tickets,unit_price,amount,ticket_no,note`; what each kind
/// needs is below. Whether its agent, product and draw exist, and whether its `erp_id` was seen
/// before, the import checks against the store.
public struct LedgerImportRow: Sendable, Equatable {
    public static let header = ["erp_id", "kind", "agent_code", "date", "product", "tickets", "unit_price", "amount", "ticket_no", "note"]

    public enum Kind: String, Sendable, CaseIterable {
        /// Tickets given to the agent for a draw (`tickets`, `unit_price`: the product's if empty).
        case allocation
        /// Unsold tickets returned and confirmed (vé ế) (`tickets`).
        case `return`
        /// A winning ticket (`ticket_no`, `amount`, `note` = the prize tier).
        case winningTicket = "winning_ticket"
        /// An invalid ticket (`ticket_no`, `note` = why).
        case invalidTicket = "invalid_ticket"
        /// Prizes the agent paid on the company's behalf (`amount`).
        case prizePaid = "prize_paid"
        /// Money the agent paid (`amount`, `note` = how; `date` is the payment's).
        case payment
        /// A correction (`amount` signed: more owed, or less; `note` = why).
        case adjustment

        /// The kinds that belong to one draw of one product.
        public var isDrawFigure: Bool { ![.payment, .adjustment].contains(self) }
    }

    public let line: Int
    public let erpID: String
    public let kind: Kind
    public let agentCode: String
    public let date: LocalDate
    public let product: String?
    public let tickets: Int64?
    public let unitPrice: Int64?
    public let amount: Int64?
    public let ticketNumber: String?
    public let note: String
    /// The cells as read, for telling the same row again from another with the same `erp_id`.
    public let cells: [String]

    /// Every row of `table` that is well formed, and a problem for every cell that is not.
    public static func read(_ table: CSVTable) -> (rows: [LedgerImportRow], problems: [ImportProblem]) {
        var rows: [LedgerImportRow] = []
        var problems: [ImportProblem] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            var cells = record.cells
            guard cells.count == header.count else {
                problems.append(ImportProblem(line: record.line, column: "", reason: .cellCount(cells.count, expected: header.count)))
                continue
            }
            cells = cells.map { $0.trimmingBlanks }
            var reader = CellReader(line: record.line, cells: cells)
            guard let row = reader.row() else {
                problems += reader.problems
                continue
            }
            if let first = seen[row.erpID] {
                problems.append(ImportProblem(line: row.line, column: "erp_id", reason: .repeatedInFile(row.erpID, firstLine: first)))
                continue
            }
            seen[row.erpID] = row.line
            rows.append(row)
        }
        return (rows, problems)
    }

    init(
        line: Int,
        erpID: String,
        kind: Kind,
        agentCode: String,
        date: LocalDate,
        product: String?,
        tickets: Int64?,
        unitPrice: Int64?,
        amount: Int64?,
        ticketNumber: String?,
        note: String,
        cells: [String]
    ) {
        self.line = line
        self.erpID = erpID
        self.kind = kind
        self.agentCode = agentCode
        self.date = date
        self.product = product
        self.tickets = tickets
        self.unitPrice = unitPrice
        self.amount = amount
        self.ticketNumber = ticketNumber
        self.note = note
        self.cells = cells
    }
}

/// What is wrong with a file, a row or a cell: the line, the column (empty: the whole row) and why.
public struct ImportProblem: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case required
        case tooLong(limit: Int)
        case unknownKind(String)
        case invalidDate(String)
        case notWholeNumber(String)
        case notPositive(String)
        case zero
        case cellCount(Int, expected: Int)
        case repeatedInFile(String, firstLine: Int)
        case unexpected
        case unknownAgent(String)
        case unknownProduct(String)
        case agentBlocked(String)
        case otherContentBefore(String)
        case returnsAboveAllocation(returned: Int64, allocated: Int64)
        case tooLarge
        case amountOverflow
        case periodClosed(String)
        case notUTF8
        case emptyFile
        case unterminatedQuote
        case textAfterQuote
        case header(expected: String)
    }

    public let line: Int
    public let column: String
    public let reason: Reason

    public init(line: Int, column: String, reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }
}

/// Reads one record's cells by column name, noting a problem for each bad one.
private struct CellReader {
    let line: Int
    let cells: [String]
    var problems: [ImportProblem] = []

    func cell(_ column: String) -> String {
        cells[LedgerImportRow.header.firstIndex(of: column)!]
    }

    mutating func problem(_ column: String, _ reason: ImportProblem.Reason) {
        problems.append(ImportProblem(line: line, column: column, reason: reason))
    }

    mutating func text(_ column: String, limit: Int, required: Bool) -> String? {
        let value = cell(column)
        if value.isEmpty {
            if required { problem(column, .required) }
            return nil
        }
        guard value.count <= limit else {
            problem(column, .tooLong(limit: limit))
            return nil
        }
        return value
    }

    /// Digits (with a leading `-` when `signed`), within Int64; nil and a problem otherwise.
    mutating func number(_ column: String, required: Bool, signed: Bool = false) -> Int64? {
        let value = cell(column)
        if value.isEmpty {
            if required { problem(column, .required) }
            return nil
        }
        let digits = signed && value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            problem(column, .notWholeNumber(value))
            return nil
        }
        guard let number = Int64(value) else {
            problem(column, .tooLarge)
            return nil
        }
        return number
    }

    mutating func positive(_ column: String, required: Bool) -> Int64? {
        guard let number = number(column, required: required) else { return nil }
        guard number > 0 else {
            problem(column, .notPositive(cell(column)))
            return nil
        }
        return number
    }

    /// A cell this kind does not use must be empty, so a misplaced figure is not silently dropped.
    mutating func unused(_ columns: [String]) {
        for column in columns where !cell(column).isEmpty { problem(column, .unexpected) }
    }

    mutating func row() -> LedgerImportRow? {
        let erpID = text("erp_id", limit: 100, required: true)
        let kindText = cell("kind")
        let kind = LedgerImportRow.Kind(rawValue: kindText)
        if kind == nil { problem("kind", kindText.isEmpty ? .required : .unknownKind(kindText)) }
        let agent = text("agent_code", limit: 32, required: true)?.uppercased()
        let dateText = cell("date")
        let date = LocalDate(dateText)
        if date == nil { problem("date", dateText.isEmpty ? .required : .invalidDate(dateText)) }
        let note = text("note", limit: 500, required: [.invalidTicket, .adjustment].contains(kind)) ?? ""
        var product: String?
        var tickets: Int64?
        var unitPrice: Int64?
        var amount: Int64?
        var ticketNumber: String?
        switch kind {
        case .allocation:
            product = text("product", limit: 32, required: true)?.uppercased()
            tickets = positive("tickets", required: true)
            unitPrice = number("unit_price", required: false)
            unused(["amount", "ticket_no"])
        case .return:
            product = text("product", limit: 32, required: true)?.uppercased()
            tickets = positive("tickets", required: true)
            unused(["unit_price", "amount", "ticket_no"])
        case .winningTicket:
            product = text("product", limit: 32, required: true)?.uppercased()
            ticketNumber = text("ticket_no", limit: 40, required: true)
            amount = positive("amount", required: true)
            unused(["tickets", "unit_price"])
        case .invalidTicket:
            product = text("product", limit: 32, required: true)?.uppercased()
            ticketNumber = text("ticket_no", limit: 40, required: true)
            unused(["tickets", "unit_price", "amount"])
        case .prizePaid:
            product = text("product", limit: 32, required: true)?.uppercased()
            amount = positive("amount", required: true)
            unused(["tickets", "unit_price", "ticket_no"])
        case .payment:
            amount = positive("amount", required: true)
            unused(["product", "tickets", "unit_price", "ticket_no"])
        case .adjustment:
            amount = number("amount", required: true, signed: true)
            if amount == 0 { problem("amount", .zero) }
            unused(["product", "tickets", "unit_price", "ticket_no"])
        case nil:
            break
        }
        guard problems.isEmpty, let erpID, let kind, let agent, let date else { return nil }
        return LedgerImportRow(
            line: line,
            erpID: erpID,
            kind: kind,
            agentCode: agent,
            date: date,
            product: product,
            tickets: tickets,
            unitPrice: unitPrice,
            amount: amount,
            ticketNumber: ticketNumber,
            note: note,
            cells: cells
        )
    }
}

extension String {
    fileprivate var trimmingBlanks: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
