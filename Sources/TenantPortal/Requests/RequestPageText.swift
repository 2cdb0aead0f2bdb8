/// The sentences of a signed-in visitor's request pages (PRODUCT.md B6, B7, B17).
enum RequestPageText {
    static func myRequests(_ language: Language) -> String { language == .vi ? "Yêu cầu của tôi" : "My requests" }
    static func code(_ language: Language) -> String { language == .vi ? "Mã yêu cầu" : "Code" }
    static func contact(_ language: Language) -> String { language == .vi ? "Người liên hệ" : "Contact" }
    static func from(_ language: Language) -> String { language == .vi ? "Từ ngày" : "From" }
    static func to(_ language: Language) -> String { language == .vi ? "Đến ngày" : "To" }
    static func status(_ language: Language) -> String { language == .vi ? "Trạng thái" : "Status" }
    static func anyStatus(_ language: Language) -> String { language == .vi ? "Tất cả" : "Any" }
    static func filter(_ language: Language) -> String { language == .vi ? "Lọc" : "Filter" }
    static func title(_ language: Language) -> String { language == .vi ? "Tiêu đề" : "Title" }
    static func updated(_ language: Language) -> String { language == .vi ? "Cập nhật" : "Updated" }
    static func next(_ language: Language) -> String { language == .vi ? "Trang sau" : "Next page" }
    static func none(_ language: Language) -> String { language == .vi ? "Chưa có yêu cầu nào khớp." : "No requests match." }
    static func assignee(_ language: Language) -> String { language == .vi ? "Người phụ trách" : "Handled by" }
    static func unassigned(_ language: Language) -> String { language == .vi ? "Chưa phân công" : "Not assigned yet" }
    static func conversation(_ language: Language) -> String { language == .vi ? "Trao đổi" : "Conversation" }
    static func files(_ language: Language) -> String { language == .vi ? "Tệp đính kèm" : "Attachments" }
    static func reply(_ language: Language) -> String { language == .vi ? "Trả lời" : "Reply" }
    static func send(_ language: Language) -> String { language == .vi ? "Gửi" : "Send" }
    static func closed(_ language: Language) -> String {
        language == .vi
            ? "Yêu cầu đã đóng; cần hỗ trợ thêm xin gửi yêu cầu mới." : "This request is closed; please file a new one if you need more help."
    }

    static func moved(to stage: String, _ language: Language) -> String { language == .vi ? "Chuyển sang: \(stage)" : "Moved to: \(stage)" }
}

/// The new request form's sentences (PRODUCT.md B4, B5).
enum NewRequestText {
    static func heading(_ language: Language) -> String { language == .vi ? "Gửi yêu cầu mới" : "New request" }
    static func title(_ language: Language) -> String { language == .vi ? "Tiêu đề" : "Title" }
    static func content(_ language: Language) -> String { language == .vi ? "Nội dung" : "What happened" }
    static func contactName(_ language: Language) -> String { language == .vi ? "Người liên hệ" : "Contact person" }
    static func contactEmail(_ language: Language) -> String { language == .vi ? "Email liên hệ" : "Contact email" }
    static func contactPhone(_ language: Language) -> String { language == .vi ? "Điện thoại liên hệ" : "Contact phone" }
    static func files(_ language: Language) -> String { language == .vi ? "Ảnh, tài liệu đính kèm" : "Pictures and documents" }
    static func submit(_ language: Language) -> String { language == .vi ? "Gửi yêu cầu" : "Send request" }

    static func filesHint(maxBytes: Int, maxFiles: Int, _ language: Language) -> String {
        language == .vi
            ? "Ảnh JPEG, PNG, WebP, GIF hoặc PDF; tối đa \(maxFiles) tệp, mỗi tệp \(Catalog.megabytes(maxBytes)) MB."
            : "JPEG, PNG, WebP or GIF pictures or PDF; at most \(maxFiles) files of \(Catalog.megabytes(maxBytes)) MB each."
    }

    static func reattach(_ language: Language) -> String {
        language == .vi ? "Vui lòng chọn lại tệp đính kèm." : "Please choose your files again."
    }

    static func newRequestLink(_ language: Language) -> String { language == .vi ? "Gửi yêu cầu mới" : "New request" }
}
