/// The staff workspace's sentences (issue 5).
enum StaffText {
    static let loginHeading = Sentence(vi: "Đăng nhập nhân viên", en: "Staff sign-in")
    static let workspace = Sentence(vi: "Không gian làm việc", en: "Workspace")
    static let staffOnly = Sentence(vi: "Tài khoản này không phải tài khoản nhân viên.", en: "This is not a staff account.")

    static func queue(_ queue: String, _ language: Language) -> String {
        let name =
            switch queue {
            case "mine": Sentence(vi: "Của tôi", en: "Mine")
            case "team": Sentence(vi: "Nhóm của tôi", en: "My team")
            case "unassigned": Sentence(vi: "Chưa phân công", en: "Unassigned")
            default: Sentence(vi: "Sắp trễ hạn", en: "Breaching soon")
            }
        return name(language)
    }

    /// A priority's name (`RequestDesk.priorities`); an unknown one as it is.
    static func priorityName(_ priority: String, _ language: Language) -> String {
        let name =
            switch priority {
            case "low": Sentence(vi: "Thấp", en: "Low")
            case "normal": Sentence(vi: "Bình thường", en: "Normal")
            case "high": Sentence(vi: "Cao", en: "High")
            case "urgent": Sentence(vi: "Khẩn cấp", en: "Urgent")
            default: Sentence(vi: priority, en: priority)
            }
        return name(language)
    }

    static let due = Sentence(vi: "Hạn xử lý", en: "Due")
    static let empty = Sentence(vi: "Không có phiếu nào trong hàng đợi này.", en: "No tickets in this queue.")
    static let searchTickets = Sentence(vi: "Tìm phiếu: mã, tiêu đề, nội dung, người liên hệ", en: "Search tickets: code, title, content, contact")
    static let search = Sentence(vi: "Tìm", en: "Search")
    static let menu = Sentence(vi: "Danh mục", en: "Menu")
}

/// The staff ticket page's sentences (issue 5).
enum StaffTicketText {
    static let back = Sentence(vi: "Về danh sách phiếu", en: "Back to the tickets")
    static let previous = Sentence(vi: "Phiếu trước", en: "Previous")
    static let next = Sentence(vi: "Phiếu sau", en: "Next")
    static let viewNavigation = Sentence(vi: "Các phiếu của danh sách", en: "The list's tickets")
    static let conversation = Sentence(vi: "Nội dung và trao đổi", en: "Request and conversation")
    static let properties = Sentence(vi: "Thông tin và thao tác", en: "Properties and actions")
    static let images = Sentence(vi: "Ảnh đính kèm", en: "Attached images")
    static let timelineFilter = Sentence(vi: "Lọc lịch sử", en: "Filter the timeline")
    static let everything = Sentence(vi: "Tất cả", en: "Everything")
    static let publicOnly = Sentence(vi: "Khách hàng thấy", en: "Public")
    static let internalOnly = Sentence(vi: "Nội bộ", en: "Internal")
    static let cannedSearch = Sentence(vi: "Tìm câu trả lời mẫu", en: "Search canned replies")
    static let priority = Sentence(vi: "Mức ưu tiên", en: "Priority")
    static let move = Sentence(vi: "Chuyển sang bước", en: "Move to")
    static let moveButton = Sentence(vi: "Chuyển", en: "Move")
    static let note = Sentence(vi: "Ghi chú kèm theo (không bắt buộc)", en: "Note (optional)")
    static let assign = Sentence(vi: "Phân công cho", en: "Assign to")
    static let nobody = Sentence(vi: "Không ai", en: "Nobody")
    static let assignButton = Sentence(vi: "Phân công", en: "Assign")
    static let canned = Sentence(vi: "Chèn câu trả lời mẫu", en: "Insert a canned reply")
    static let noteText = Sentence(vi: "Ghi chú hoặc trả lời", en: "Note or reply")
    static let publicNote = Sentence(vi: "Khách hàng thấy được (trả lời)", en: "The customer sees it (a reply)")
    static let noteButton = Sentence(vi: "Lưu", en: "Save")
    static let timeline = Sentence(vi: "Lịch sử", en: "Timeline")
}
