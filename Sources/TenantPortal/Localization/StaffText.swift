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

    static func due(_ language: Language) -> String { language == .vi ? "Hạn xử lý" : "Due" }
    static func empty(_ language: Language) -> String { language == .vi ? "Không có phiếu nào trong hàng đợi này." : "No tickets in this queue." }
}
