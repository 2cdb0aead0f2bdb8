/// The staff workspace's sentences (issue 5).
enum StaffText {
    static func loginHeading(_ language: Language) -> String { language == .vi ? "Đăng nhập nhân viên" : "Staff sign-in" }
    static func workspace(_ language: Language) -> String { language == .vi ? "Không gian làm việc" : "Workspace" }
    static func staffOnly(_ language: Language) -> String {
        language == .vi ? "Tài khoản này không phải tài khoản nhân viên." : "This is not a staff account."
    }

    static func queue(_ queue: String, _ language: Language) -> String {
        switch (queue, language) {
        case ("mine", .vi): "Của tôi"
        case ("mine", _): "Mine"
        case ("team", .vi): "Nhóm của tôi"
        case ("team", _): "My team"
        case ("unassigned", .vi): "Chưa phân công"
        case ("unassigned", _): "Unassigned"
        case (_, .vi): "Sắp trễ hạn"
        case (_, _): "Breaching soon"
        }
    }

    /// A priority's name (`RequestDesk.priorities`); an unknown one as it is.
    static func priorityName(_ priority: String, _ language: Language) -> String {
        switch (priority, language) {
        case ("low", .vi): "Thấp"
        case ("low", .en): "Low"
        case ("normal", .vi): "Bình thường"
        case ("normal", .en): "Normal"
        case ("high", .vi): "Cao"
        case ("high", .en): "High"
        case ("urgent", .vi): "Khẩn cấp"
        case ("urgent", .en): "Urgent"
        default: priority
        }
    }

    static func due(_ language: Language) -> String { language == .vi ? "Hạn xử lý" : "Due" }
    static func empty(_ language: Language) -> String { language == .vi ? "Không có phiếu nào trong hàng đợi này." : "No tickets in this queue." }
}

/// The staff ticket page's sentences (issue 5).
enum StaffTicketText {
    static func back(_ language: Language) -> String { language == .vi ? "Hàng đợi" : "Queues" }
    static func priority(_ language: Language) -> String { language == .vi ? "Mức ưu tiên" : "Priority" }
    static func move(_ language: Language) -> String { language == .vi ? "Chuyển sang bước" : "Move to" }
    static func moveButton(_ language: Language) -> String { language == .vi ? "Chuyển" : "Move" }
    static func note(_ language: Language) -> String { language == .vi ? "Ghi chú kèm theo (không bắt buộc)" : "Note (optional)" }
    static func assign(_ language: Language) -> String { language == .vi ? "Phân công cho" : "Assign to" }
    static func nobody(_ language: Language) -> String { language == .vi ? "Không ai" : "Nobody" }
    static func assignButton(_ language: Language) -> String { language == .vi ? "Phân công" : "Assign" }
    static func canned(_ language: Language) -> String { language == .vi ? "Chèn câu trả lời mẫu" : "Insert a canned reply" }
    static func noteText(_ language: Language) -> String { language == .vi ? "Ghi chú hoặc trả lời" : "Note or reply" }
    static func publicNote(_ language: Language) -> String { language == .vi ? "Khách hàng thấy được (trả lời)" : "The customer sees it (a reply)" }
    static func noteButton(_ language: Language) -> String { language == .vi ? "Lưu" : "Save" }
    static func timeline(_ language: Language) -> String { language == .vi ? "Lịch sử" : "Timeline" }
}
