import HTTPTypes
import LotterySettlement

/// What the lottery module refuses, and why, in the user's language (E1-E7).
struct LotteryRefusal: PortalRefusal, CustomStringConvertible {
    enum Reason: Equatable {
        case agentNotFound
        case agentCodeInvalid(String)
        case agentExists(String)
        case productCodeInvalid(String)
        case commissionRate(String)
        case amount(String)
        case notAgent
        case statementNotFound
        case alreadyAnswered(String)
        case periodName(String)
        case periodKind(String, kind: String)
        case periodNotOver(String)
        case periodClosed(String)
        case contactEmail
        case periodKindName(String)
        case periodKindFixed(String)
        case payoutFee(String)
        case ratio(String)
        case warningAboveLimit
        case periodNotClosed(String)
    }

    let status: HTTPResponse.Status
    let code: String
    let field: String?
    let reason: Reason

    /// Another agent's anything, or no such agent: the same answer, so codes cannot be probed.
    static let agentNotFound = LotteryRefusal(status: .notFound, code: "not_found", field: nil, reason: .agentNotFound)
    static let notAgent = LotteryRefusal(status: .forbidden, code: "forbidden", field: nil, reason: .notAgent)

    static func invalid(_ field: String, _ reason: Reason) -> LotteryRefusal {
        LotteryRefusal(status: .unprocessableContent, code: "invalid_field", field: field, reason: reason)
    }

    static let statementNotFound = LotteryRefusal(status: .notFound, code: "not_found", field: nil, reason: .statementNotFound)
    static let contactEmail = LotteryRefusal(status: .unprocessableContent, code: "invalid_field", field: "email", reason: .contactEmail)

    static func periodNotClosed(_ name: String) -> LotteryRefusal {
        LotteryRefusal(status: .notFound, code: "not_found", field: nil, reason: .periodNotClosed(name))
    }

    static func conflict(_ code: String, _ reason: Reason) -> LotteryRefusal {
        LotteryRefusal(status: .conflict, code: code, field: nil, reason: reason)
    }

    static func agentExists(_ code: String) -> LotteryRefusal {
        LotteryRefusal(status: .conflict, code: "agent_exists", field: "code", reason: .agentExists(code))
    }

    func message(_ language: Language) -> String { sentence(language) }

    var sentence: Sentence {
        switch reason {
        case .agentNotFound: Sentence(vi: "Không tìm thấy đại lý.", en: "No such agent.")
        case .agentCodeInvalid(let code):
            Sentence(
                vi: "Mã đại lý “\(code)” không hợp lệ: dùng chữ in hoa, chữ số, dấu chấm, gạch ngang, gạch dưới, tối đa 32 ký tự (ví dụ DL001).",
                en: "Agent code “\(code)” is not valid: use capital letters, digits, '.', '-', '_', at most 32 characters (e.g. DL001)."
            )
        case .agentExists(let code): Sentence(vi: "Đã có đại lý mã \(code).", en: "There is already an agent with code \(code).")
        case .productCodeInvalid(let code):
            Sentence(
                vi: "Mã sản phẩm “\(code)” không hợp lệ: dùng chữ in hoa, chữ số, dấu chấm, gạch ngang, gạch dưới (ví dụ XSMN-TN).",
                en: "Product code “\(code)” is not valid: use capital letters, digits, '.', '-', '_' (e.g. XSMN-TN)."
            )
        case .commissionRate(let text):
            Sentence(
                vi: "Tỷ lệ hoa hồng “\(text)” không hợp lệ: một số thập phân từ 0 đến 0.15 (tối đa 15% theo Thông tư 138/2017), ví dụ 0.10.",
                en: "Commission rate “\(text)” is not valid: a decimal from 0 to 0.15 (at most 15% by Circular 138/2017), e.g. 0.10."
            )
        case .amount(let text):
            Sentence(
                vi: "Số tiền “\(text)” không hợp lệ: một số nguyên đồng, không âm, không có phần lẻ, ví dụ 50000000.",
                en: "Amount “\(text)” is not valid: a whole number of VND, not negative, no decimals, e.g. 50000000."
            )
        case .notAgent: Sentence(vi: "Trang này dành cho đại lý.", en: "This page is for agents.")
        case .statementNotFound: Sentence(vi: "Không tìm thấy bảng đối soát.", en: "No such statement.")
        case .alreadyAnswered(let state):
            Sentence(
                vi: "Bảng đối soát này đã được trả lời (\(state == "confirmed" ? "đã xác nhận" : "đã khiếu nại")).",
                en: "This statement has been answered already (\(state == "confirmed" ? "confirmed" : "disputed"))."
            )
        case .periodName(let name):
            Sentence(
                vi: "Kỳ “\(name)” không hợp lệ: dùng tuần ISO (2026-W49) hoặc tháng (2026-12).",
                en: "Period “\(name)” is not valid: use an ISO week (2026-W49) or a month (2026-12)."
            )
        case .periodKind(let name, let kind):
            Sentence(
                vi: "Kỳ nợ của đơn vị tính theo \(kind == "week" ? "tuần" : "tháng"); “\(name)” không phải một kỳ như vậy.",
                en: "This tenant's debt periods are \(kind == "week" ? "weeks" : "months"); “\(name)” is not one."
            )
        case .periodNotOver(let name): Sentence(vi: "Kỳ \(name) chưa kết thúc.", en: "Period \(name) is not over yet.")
        case .periodClosed(let name): Sentence(vi: "Kỳ \(name) đã được chốt.", en: "Period \(name) is closed already.")
        case .contactEmail:
            Sentence(
                vi: "Cần email để nhận phản hồi khiếu nại: đại lý chưa có email, hãy nhập email.",
                en: "An email is needed for the dispute's replies: the agent has none on file, so please give one."
            )
        case .periodKindName(let text):
            Sentence(
                vi: "Loại kỳ “\(text)” không hợp lệ: dùng week (tuần) hoặc month (tháng).",
                en: "Period kind “\(text)” is not valid: use week or month."
            )
        case .periodKindFixed(let kind):
            Sentence(
                vi: "Đã có kỳ được chốt theo \(kind == "week" ? "tuần" : "tháng"), nên không đổi được loại kỳ nữa.",
                en: "Periods have been closed as \(kind == "week" ? "weeks" : "months"), so the period kind can no longer change."
            )
        case .payoutFee(let text):
            Sentence(
                vi: "Phí chi trả “\(text)” không hợp lệ: một số thập phân từ 0 đến 0.002 (0,2%).",
                en: "Payout fee “\(text)” is not valid: a decimal from 0 to 0.002 (0.2%)."
            )
        case .ratio(let text):
            Sentence(
                vi: "Tỷ lệ “\(text)” không hợp lệ: một số thập phân theo phần trăm chẵn, từ 0.01 đến 10 (0.8 là 80%).",
                en: "Ratio “\(text)” is not valid: a decimal in whole percent, from 0.01 to 10 (0.8 is 80%)."
            )
        case .periodNotClosed(let name): Sentence(vi: "Kỳ \(name) chưa được chốt.", en: "Period \(name) has not been closed.")
        case .warningAboveLimit:
            Sentence(
                vi: "Ngưỡng cảnh báo không được cao hơn ngưỡng chặn.",
                en: "The warning ratio cannot be above the limit."
            )
        }
    }
}

/// Reading the lottery's figures as typed: codes, rates and amounts of đồng.
enum LotteryInput {
    /// An agent's or product's code, in capitals: `DL001`, `XSMN-TN`.
    static func code(_ text: String) -> String? {
        let code = text.trimmed.uppercased()
        guard (1...32).contains(code.count), let first = code.unicodeScalars.first, Self.codeStart.contains(first),
            code.unicodeScalars.allSatisfy({ Self.codeStart.contains($0) || "._-".unicodeScalars.contains($0) })
        else { return nil }
        return code
    }

    private static let codeStart = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".unicodeScalars)

    /// A commission rate as a decimal fraction, at most 15%.
    static func commission(_ text: String) throws(LotteryRefusal) -> Rate {
        guard let rate = Rate(text.trimmed), rate <= Rate.maximumCommission else { throw .invalid("commission_rate", .commissionRate(text)) }
        return rate
    }

    /// Whole đồng, not negative: digits only (a sign, a decimal point or grouping is refused).
    static func amount(_ text: String, field: String) throws(LotteryRefusal) -> Int64 {
        let digits = text.trimmed
        guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int64(digits) else {
            throw .invalid(field, .amount(text))
        }
        return amount
    }
}
