/// The workspace's debt periods page (E2, E5): closing a period, its statements' states, and the
/// tenant's lottery rules; both languages side by side.
enum LotteryPeriodText {
    static let heading = Sentence(vi: "Kỳ nợ và bảng đối soát", en: "Debt periods and statements")
    static let rules = Sentence(vi: "Quy định công nợ", en: "Debt rules")
    static let periodKind = Sentence(vi: "Kỳ nợ", en: "Debt period")
    static let week = Sentence(vi: "Theo tuần (thứ Hai đến Chủ nhật)", en: "Weekly (Monday to Sunday)")
    static let month = Sentence(vi: "Theo tháng", en: "Monthly")
    static let payoutFee = Sentence(vi: "Phí chi trả thưởng hộ (tối đa 0.002)", en: "Payout fee on prizes paid (at most 0.002)")
    static let warningRatio = Sentence(vi: "Ngưỡng cảnh báo nợ / thế chấp", en: "Warning ratio, debt to collateral")
    static let limitRatio = Sentence(vi: "Hạn mức nợ / thế chấp (chặn nhận vé)", en: "Limit ratio, debt to collateral (blocks allocations)")
    static let ratioHint = Sentence(vi: "Số thập phân: 0.8 là 80%.", en: "A decimal: 0.8 is 80%.")
    static let saveRules = Sentence(vi: "Lưu quy định", en: "Save the rules")
    static let rulesSaved = Sentence(vi: "Đã lưu quy định.", en: "The rules are saved.")
    static let close = Sentence(vi: "Chốt kỳ", en: "Close a period")
    static let closeHint = Sentence(
        vi: "Chỉ chốt được kỳ đã kết thúc. Mỗi đại lý có phát sinh nhận một bảng đối soát; số liệu của kỳ đã chốt không bao giờ thay đổi.",
        en: "Only a period that is over can be closed. Each agent with activity gets a statement; a closed period's figures never change."
    )
    static let periodName = Sentence(vi: "Kỳ (2026-W49 hoặc 2026-12)", en: "Period (2026-W49 or 2026-12)")
    static let closed = Sentence(vi: "Các kỳ đã chốt", en: "Closed periods")
    static let noneClosed = Sentence(vi: "Chưa chốt kỳ nào.", en: "No period closed yet.")
    static let days = Sentence(vi: "Từ ngày - đến ngày", en: "Days")
    static let closedAt = Sentence(vi: "Chốt lúc", en: "Closed at")
    static let closedBy = Sentence(vi: "Người chốt", en: "Closed by")
    static let statements = Sentence(vi: "Bảng đối soát", en: "Statements")
    static let confirmed = Sentence(vi: "Đã xác nhận", en: "Confirmed")
    static let disputed = Sentence(vi: "Khiếu nại", en: "Disputed")
    static let waiting = Sentence(vi: "Chờ xác nhận", en: "Waiting")
    static let agent = Sentence(vi: "Đại lý", en: "Agent")
    static let state = Sentence(vi: "Trạng thái", en: "State")
    static let disputeReason = Sentence(vi: "Lý do khiếu nại", en: "Dispute reason")
    static let back = Sentence(vi: "Về danh sách kỳ", en: "Back to the periods")
    static let noStatements = Sentence(
        vi: "Kỳ này không có bảng đối soát: không đại lý nào có phát sinh.",
        en: "No statements: no agent had activity."
    )

    static func period(_ name: String) -> Sentence { Sentence(vi: "Kỳ \(name)", en: "Period \(name)") }

    static func madeStatements(_ name: String, _ count: Int) -> Sentence {
        Sentence(
            vi: "Đã chốt kỳ \(name): \(count) bảng đối soát chờ đại lý xác nhận.",
            en: "Period \(name) closed: \(count) statements for the agents to confirm."
        )
    }

    static func stateName(_ state: String) -> Sentence {
        switch state {
        case "confirmed": confirmed
        case "disputed": disputed
        default: waiting
        }
    }
}
