import LotterySettlement

/// The lottery module's words, both languages side by side.
enum LotteryText {
    static let heading = Sentence(vi: "Công nợ đại lý", en: "Agent account")
    static let summary = Sentence(vi: "Tổng quan", en: "Summary")
    static let balance = Sentence(vi: "Dư nợ", en: "Balance owed")
    static let collateral = Sentence(vi: "Tài sản thế chấp", en: "Collateral")
    static let ratio = Sentence(vi: "Tỷ lệ nợ / thế chấp", en: "Debt to collateral")
    static let periodCommission = Sentence(vi: "Hoa hồng kỳ này", en: "Commission this period")
    static let warning = Sentence(
        vi: "Dư nợ đã vượt ngưỡng cảnh báo so với tài sản thế chấp; vui lòng thanh toán sớm.",
        en: "Your balance is above the warning level of your collateral; please pay soon."
    )
    static let blocked = Sentence(
        vi: "Dư nợ đã vượt hạn mức so với tài sản thế chấp: tạm ngừng nhận vé mới cho đến khi thanh toán.",
        en: "Your balance is over the limit of your collateral: no new tickets are allocated until you pay."
    )
    static let debts = Sentence(vi: "Công nợ theo kỳ", en: "Debts by period")
    static let period = Sentence(vi: "Kỳ", en: "Period")
    static let due = Sentence(vi: "Phải nộp", en: "Due")
    static let paid = Sentence(vi: "Đã nộp", en: "Paid")
    static let left = Sentence(vi: "Còn nợ", en: "Left")
    static let noDebts = Sentence(vi: "Chưa có công nợ.", en: "No debts yet.")
    static let ageing = Sentence(vi: "Tuổi nợ theo ngày xổ", en: "Age by draw date")
    static let draws = Sentence(vi: "Các kỳ xổ", en: "Draws")
    static let draw = Sentence(vi: "Ngày xổ", en: "Draw")
    static let sold = Sentence(vi: "Bán / nhận", en: "Sold / taken")
    static let revenue = Sentence(vi: "Doanh thu", en: "Revenue")
    static let noDraws = Sentence(vi: "Không có kỳ xổ nào trong 31 ngày qua.", en: "No draws in the last 31 days.")
    static let payments = Sentence(vi: "Thanh toán", en: "Payments")
    static let date = Sentence(vi: "Ngày", en: "Date")
    static let amount = Sentence(vi: "Số tiền", en: "Amount")
    static let noPayments = Sentence(vi: "Chưa có thanh toán.", en: "No payments yet.")
    static let statements = Sentence(vi: "Bảng đối soát", en: "Statements")
    static let noStatements = Sentence(vi: "Chưa có bảng đối soát.", en: "No statements yet.")
    static let opening = Sentence(vi: "Dư nợ đầu kỳ", en: "Opening balance")
    static let adjustments = Sentence(vi: "Điều chỉnh", en: "Adjustments")
    static let closing = Sentence(vi: "Dư nợ cuối kỳ", en: "Closing balance")
    static let confirm = Sentence(vi: "Xác nhận đúng", en: "Confirm")
    static let dispute = Sentence(vi: "Khiếu nại", en: "Dispute")
    static let reason = Sentence(vi: "Lý do khiếu nại", en: "Why you dispute it")
    static let email = Sentence(vi: "Email nhận phản hồi", en: "Email for replies")
    static let disputeTicket = Sentence(vi: "Phiếu khiếu nại", en: "Dispute ticket")
    static let region = Sentence(vi: "Khu vực", en: "Region")
    static let anyRegion = Sentence(vi: "Mọi khu vực", en: "Any region")
    static let noAgents = Sentence(vi: "Chưa có đại lý.", en: "No agents yet.")
    static let agentCode = Sentence(vi: "Mã đại lý", en: "Code")
    static let agentName = Sentence(vi: "Tên đại lý", en: "Name")
    static let agentState = Sentence(vi: "Trạng thái", en: "State")
    static let oldestDebt = Sentence(vi: "Nợ lâu nhất", en: "Oldest debt")
    static let inactive = Sentence(vi: "Ngừng hoạt động", en: "Inactive")
    static let overLimit = Sentence(vi: "Vượt hạn mức: chặn nhận vé", en: "Over the limit: allocations blocked")
    static let nearLimit = Sentence(vi: "Gần hạn mức thế chấp", en: "Near the collateral limit")
    static let activeAgent = Sentence(vi: "Hoạt động", en: "Active")
    static let phone = Sentence(vi: "Điện thoại", en: "Phone")
    static let emailShort = Sentence(vi: "Thư điện tử", en: "Email")
    static let commissionRate = Sentence(vi: "Tỷ lệ hoa hồng", en: "Commission rate")
    static let username = Sentence(vi: "Tên đăng nhập", en: "Username")
    static let record = Sentence(vi: "Ghi nhận thanh toán, điều chỉnh", en: "Record a payment or an adjustment")
    static let recordPayment = Sentence(vi: "Thanh toán của đại lý", en: "A payment by the agent")
    static let recordAdjustment = Sentence(vi: "Điều chỉnh công nợ", en: "An adjustment of the debt")
    static let method = Sentence(vi: "Hình thức, ghi chú", en: "Method and note")
    static let signedAmount = Sentence(vi: "Số tiền (âm để giảm nợ)", en: "Amount (negative lowers the debt)")
    static let save = Sentence(vi: "Ghi nhận", en: "Record")
    static let recorded = Sentence(vi: "Đã ghi nhận vào sổ cái.", en: "Recorded in the ledger.")
    static let movements = Sentence(vi: "Thanh toán và điều chỉnh", en: "Payments and adjustments")
    static let kind = Sentence(vi: "Loại", en: "Kind")
    static let payment = Sentence(vi: "Thanh toán", en: "Payment")
    static let adjustment = Sentence(vi: "Điều chỉnh", en: "Adjustment")
    static let collateralHistory = Sentence(vi: "Lịch sử tài sản thế chấp", en: "Collateral history")

    static let problems = Sentence(vi: "Các lỗi trong tệp", en: "Problems in the file")
    static let column = Sentence(vi: "Cột", en: "Column")
    static let why = Sentence(vi: "Lý do", en: "Why")
    static let ledgerFile = Sentence(vi: "Tệp sổ cái từ ERP (CSV)", en: "The ledger file from the ERP (CSV)")
    static let ledgerFileHint = Sentence(
        vi:
            "UTF-8, dòng tiêu đề erp_id,kind,agent_code,date,product,tickets,unit_price,amount,ticket_no,note; tệp được áp dụng toàn bộ hoặc không dòng nào.",
        en: "UTF-8, header erp_id,kind,agent_code,date,product,tickets,unit_price,amount,ticket_no,note; the file is applied whole or not at all."
    )
    static let importFile = Sentence(vi: "Nhập tệp", en: "Import the file")
    static let recentImports = Sentence(vi: "Các lần nhập gần đây", en: "Recent imports")
    static let fileName = Sentence(vi: "Tên tệp", en: "File")
    static let applied = Sentence(vi: "Dòng áp dụng", en: "Rows applied")
    static let skipped = Sentence(vi: "Dòng đã có", en: "Rows imported before")
    static let who = Sentence(vi: "Người nhập", en: "By")
    static let noImports = Sentence(vi: "Chưa nhập tệp nào.", en: "No file imported yet.")

    static func imported(_ applied: Int, _ skipped: Int) -> Sentence {
        Sentence(
            vi: "Đã nhập: \(applied) dòng được áp dụng, \(skipped) dòng đã nhập trước đó được bỏ qua.",
            en: "Imported: \(applied) rows applied, \(skipped) imported before and skipped."
        )
    }

    static func daysOld(_ days: Int) -> Sentence {
        Sentence(vi: "\(days) ngày", en: "\(days) days")
    }

    static func periodRevenue(_ period: String) -> Sentence {
        Sentence(vi: "Doanh thu kỳ \(period)", en: "Revenue in period \(period)")
    }

    static func state(_ state: String) -> Sentence {
        switch state {
        case "confirmed": Sentence(vi: "đã xác nhận", en: "confirmed")
        case "disputed": Sentence(vi: "đang khiếu nại", en: "disputed")
        default: Sentence(vi: "chờ xác nhận", en: "waiting for you")
        }
    }

    static func age(_ age: DebtAge) -> Sentence {
        switch age {
        case .upToWeek: Sentence(vi: "0-7 ngày", en: "0-7 days")
        case .upToMonth: Sentence(vi: "8-30 ngày", en: "8-30 days")
        case .upToTwoMonths: Sentence(vi: "31-60 ngày", en: "31-60 days")
        case .older: Sentence(vi: "Trên 60 ngày", en: "Over 60 days")
        }
    }

    static func winning(_ number: String, _ tier: String, _ amount: String) -> Sentence {
        Sentence(vi: "Vé trúng \(number) (\(tier)): \(amount)", en: "Winning ticket \(number) (\(tier)): \(amount)")
    }

    static func invalid(_ number: String, _ reason: String) -> Sentence {
        Sentence(vi: "Vé không hợp lệ \(number): \(reason)", en: "Invalid ticket \(number): \(reason)")
    }

    static func disputeTitle(_ period: String) -> Sentence {
        Sentence(vi: "Khiếu nại bảng đối soát kỳ \(period)", en: "Dispute of the statement for period \(period)")
    }
}
