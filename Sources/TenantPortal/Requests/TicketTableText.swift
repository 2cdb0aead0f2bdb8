import PGStore

/// The staff's ticket table's sentences (B13, issue 18).
enum TicketTableText {
    static let heading = Sentence(vi: "Phiếu yêu cầu", en: "Tickets")
    static let views = Sentence(vi: "Danh sách đã lưu", en: "Saved views")
    static let filters = Sentence(vi: "Lọc phiếu", en: "Filter tickets")
    static let search = Sentence(vi: "Tìm", en: "Search")
    static let anyOption = Sentence(vi: "Tất cả", en: "Any")
    static let nobody = Sentence(vi: "Chưa phân công", en: "Nobody")
    static let me = Sentence(vi: "Tôi", en: "Me")
    static let stage = Sentence(vi: "Trạng thái", en: "Stage")
    static let type = Sentence(vi: "Loại phiếu", en: "Type")
    static let team = Sentence(vi: "Nhóm", en: "Team")
    static let priority = Sentence(vi: "Mức ưu tiên", en: "Priority")
    static let customerCode = Sentence(vi: "Mã khách hàng", en: "Customer code")
    static let serviceLevel = Sentence(vi: "Thời hạn", en: "Due state")
    static let from = Sentence(vi: "Tạo từ ngày", en: "Created from")
    static let to = Sentence(vi: "Đến ngày", en: "Created to")
    static let openOnly = Sentence(vi: "Chỉ phiếu chưa xong", en: "Open tickets only")
    static let apply = Sentence(vi: "Lọc", en: "Apply")
    static let clear = Sentence(vi: "Bỏ lọc", en: "Clear filters")
    static let customer = Sentence(vi: "Khách hàng", en: "Customer")
    static let contact = Sentence(vi: "Người liên hệ", en: "Contact")
    static let due = Sentence(vi: "Hạn xử lý", en: "Due")
    static let channel = Sentence(vi: "Kênh", en: "Channel")
    static let updated = Sentence(vi: "Cập nhật", en: "Updated")
    static let selectAll = Sentence(vi: "Chọn mọi phiếu của trang", en: "Select every ticket on this page")
    static func wholeView(_ limit: Int) -> Sentence {
        Sentence(vi: "Mọi phiếu của bảng này, mọi trang (tối đa \(limit))", en: "Every ticket of this view, all pages (at most \(limit))")
    }
    static let selectRow = Sentence(vi: "Chọn phiếu này", en: "Select this ticket")
    static let bulkHeading = Sentence(vi: "Thao tác với các phiếu đã chọn", en: "Act on the selected tickets")
    static let action = Sentence(vi: "Thao tác", en: "Action")
    static let assign = Sentence(vi: "Phân công cho", en: "Assign to")
    static let move = Sentence(vi: "Chuyển sang", en: "Move to")
    static let note = Sentence(vi: "Thêm ghi chú nội bộ", en: "Add an internal note")
    static let noteText = Sentence(vi: "Nội dung ghi chú", en: "Note")
    static let run = Sentence(vi: "Thực hiện", en: "Apply to selected")
    static let done = Sentence(vi: "Đã thực hiện", en: "Done")
    static let notDone = Sentence(vi: "Không thực hiện", en: "Not done")
    static let empty = Sentence(vi: "Không có phiếu nào khớp.", en: "No tickets match.")
    static let next = Sentence(vi: "Trang sau", en: "Next page")
    static let portal = Sentence(vi: "Cổng thông tin", en: "Portal")
    static let byStaff = Sentence(vi: "Nhân viên nhập", en: "Entered by staff")
    static let overdue = Sentence(vi: "Quá hạn", en: "Overdue")
    static let soon = Sentence(vi: "Sắp đến hạn", en: "Due soon")
    static let onTime = Sentence(vi: "Còn hạn", en: "On time")
    static let noTarget = Sentence(vi: "Không có hạn", en: "No target")

    static func results(done: Int, refused: Int, _ language: Language) -> String {
        Sentence(vi: "Đã thực hiện \(done) phiếu, không thực hiện \(refused) phiếu.", en: "\(done) done, \(refused) not done.")(language)
    }

    static func state(_ state: ServiceLevelState) -> Sentence {
        switch state {
        case .overdue: overdue
        case .soon: soon
        case .onTime: onTime
        case .none: noTarget
        }
    }

    static let keys = Sentence(vi: "Phím tắt (?)", en: "Keyboard shortcuts (?)")
    static let keyDown = Sentence(vi: "Xuống phiếu dưới", en: "Next row")
    static let keyUp = Sentence(vi: "Lên phiếu trên", en: "Previous row")
    static let keyOpen = Sentence(vi: "Mở phiếu đang chọn", en: "Open the row's ticket")
    static let keyTick = Sentence(vi: "Đánh dấu phiếu", en: "Tick the row")
    static let keyAssign = Sentence(vi: "Phân công phiếu đã đánh dấu cho tôi", en: "Assign the ticked rows to me")
    static let keySearch = Sentence(vi: "Tới ô tìm kiếm", en: "Go to the search box")
    static let keyHelp = Sentence(vi: "Hiện hoặc ẩn danh sách phím", en: "Show or hide this list")
    static let reload = Sentence(vi: "Tải lại danh sách", en: "Reload the list")
    static let newTickets = Sentence(vi: "phiếu mới", en: "new")
    static let changedTickets = Sentence(vi: "phiếu vừa thay đổi", en: "changed")
    static let saveView = Sentence(vi: "Lưu danh sách này", en: "Save this view")
    static let viewName = Sentence(vi: "Tên danh sách", en: "View name")
    static let deleteView = Sentence(vi: "Xóa", en: "Delete")
}
