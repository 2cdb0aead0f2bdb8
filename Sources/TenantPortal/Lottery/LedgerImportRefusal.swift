import CSV
import HTTPTypes
import LotterySettlement

/// A ledger file refused whole (E6): nothing of it was applied, and every problem found is listed
/// with its line and column, in the user's language.
struct LedgerImportRefusal: PortalRefusal, CustomStringConvertible {
    let problems: [ImportProblem]

    var status: HTTPResponse.Status { .unprocessableContent }
    var code: String { "import_refused" }
    var field: String? { "file" }

    init(_ problems: [ImportProblem]) {
        self.problems = problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// A file that is not a CSV table at all, as one problem.
    init(_ error: CSVError) {
        let reason: ImportProblem.Reason =
            switch error {
            case .notUTF8: .notUTF8
            case .empty: .emptyFile
            case .unterminatedQuote: .unterminatedQuote
            case .textAfterQuote: .textAfterQuote
            case .header(let expected, _): .header(expected: expected.joined(separator: ","))
            }
        let line =
            switch error {
            case .unterminatedQuote(let line), .textAfterQuote(let line): line
            case .notUTF8, .empty, .header: 1
            }
        self.init([ImportProblem(line: line, column: "", reason: reason)])
    }

    func message(_ language: Language) -> String {
        let head = Sentence(
            vi: "Tệp không được nhập: \(problems.count) lỗi, chưa có dòng nào được áp dụng.",
            en: "The file was not imported: \(problems.count) problem(s), no row was applied."
        )(language)
        return
            ([head]
            + details(language).map {
                "\($0.line.map { "\(LedgerImportText.line(language)) \($0)" } ?? "")\($0.column.map { ", \($0)" } ?? ""): \($0.message)"
            })
            .joined(separator: "\n")
    }

    func details(_ language: Language) -> [RefusalDetail] {
        problems.map { problem in
            RefusalDetail(
                line: problem.line,
                column: problem.column.isEmpty ? nil : problem.column,
                message: LedgerImportText.reason(problem.reason)(language)
            )
        }
    }
}

/// The words of a ledger import's problems.
enum LedgerImportText {
    static let line = Sentence(vi: "Dòng", en: "Line")

    static func reason(_ reason: ImportProblem.Reason) -> Sentence {
        switch reason {
        case .required: Sentence(vi: "Cần có giá trị.", en: "A value is needed.")
        case .tooLong(let limit): Sentence(vi: "Quá dài: tối đa \(limit) ký tự.", en: "Too long: at most \(limit) characters.")
        case .unknownKind(let kind):
            Sentence(
                vi: "Loại “\(kind)” không có; dùng một trong: \(kinds).",
                en: "There is no kind “\(kind)”; use one of: \(kinds)."
            )
        case .invalidDate(let text): Sentence(vi: "Ngày “\(text)” không hợp lệ: dùng YYYY-MM-DD.", en: "Date “\(text)” is not valid: use YYYY-MM-DD.")
        case .notWholeNumber(let text):
            Sentence(
                vi: "“\(text)” không phải số nguyên: chỉ chữ số, không dấu chấm, dấu phẩy hay phần lẻ.",
                en: "“\(text)” is not a whole number: digits only, no dots, commas or decimals."
            )
        case .notPositive(let text): Sentence(vi: "“\(text)” phải lớn hơn 0.", en: "“\(text)” must be more than 0.")
        case .zero: Sentence(vi: "Điều chỉnh phải khác 0.", en: "An adjustment cannot be 0.")
        case .tooLarge: Sentence(vi: "Số quá lớn.", en: "The number is too large.")
        case .cellCount(let count, let expected):
            Sentence(vi: "Dòng có \(count) ô, cần \(expected).", en: "The row has \(count) cells; \(expected) are needed.")
        case .repeatedInFile(let erpID, let first):
            Sentence(vi: "Mã \(erpID) đã có ở dòng \(first) của tệp.", en: "ID \(erpID) is already on line \(first) of the file.")
        case .unexpected:
            Sentence(vi: "Loại dòng này không dùng ô này; hãy để trống.", en: "This kind of row does not use this cell; leave it empty.")
        case .unknownAgent(let code): Sentence(vi: "Không có đại lý mã \(code).", en: "There is no agent with code \(code).")
        case .unknownProduct(let code): Sentence(vi: "Không có sản phẩm mã \(code).", en: "There is no product with code \(code).")
        case .agentBlocked(let code):
            Sentence(
                vi: "Đại lý \(code) đang bị chặn nhận vé: công nợ vượt hạn mức so với tài sản thế chấp.",
                en: "Agent \(code) is blocked from new allocations: their debt is over the limit of their collateral."
            )
        case .otherContentBefore(let erpID):
            Sentence(
                vi: "Mã \(erpID) đã được nhập trước đây với nội dung khác; sửa sai hãy dùng dòng điều chỉnh với mã mới.",
                en: "ID \(erpID) was imported before with other content; to correct it, use an adjustment row with a new ID."
            )
        case .returnsAboveAllocation(let returned, let allocated):
            Sentence(
                vi: "Số vé trả lại (\(returned)) nhiều hơn số vé đã nhận (\(allocated)) của kỳ quay này.",
                en: "More tickets returned (\(returned)) than were allocated (\(allocated)) for this draw."
            )
        case .periodClosed(let name):
            Sentence(
                vi: "Ngày này thuộc kỳ \(name) đã chốt; sửa sai hãy dùng dòng điều chỉnh trong kỳ đang mở.",
                en: "This date is in period \(name), which is closed; to correct it, use an adjustment in an open period."
            )
        case .amountOverflow: Sentence(vi: "Số tiền vượt giới hạn tính toán.", en: "The amount is beyond what can be computed.")
        case .notUTF8: Sentence(vi: "Tệp không phải UTF-8; hãy lưu lại dạng CSV UTF-8.", en: "The file is not UTF-8; save it again as CSV UTF-8.")
        case .emptyFile: Sentence(vi: "Tệp trống.", en: "The file is empty.")
        case .unterminatedQuote: Sentence(vi: "Dấu ngoặc kép mở ở đây không được đóng.", en: "A quote opened here is never closed.")
        case .textAfterQuote:
            Sentence(vi: "Có chữ sau dấu ngoặc kép đóng ô.", en: "There is text after the quote that closes the cell.")
        case .header(let expected): Sentence(vi: "Dòng tiêu đề phải là: \(expected)", en: "The header must be: \(expected)")
        }
    }

    private static let kinds = LedgerImportRow.Kind.allCases.map(\.rawValue).joined(separator: ", ")
}
