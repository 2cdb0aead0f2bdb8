/// The sentences of a signed-in visitor's request pages (PRODUCT.md B6, B7, B17).
enum RequestPageText {
    static let myRequests = Sentence(vi: "Yêu cầu của tôi", en: "My requests")
    static let code = Sentence(vi: "Mã yêu cầu", en: "Code")
    static let contact = Sentence(vi: "Người liên hệ", en: "Contact")
    static let from = Sentence(vi: "Từ ngày", en: "From")
    static let to = Sentence(vi: "Đến ngày", en: "To")
    static let status = Sentence(vi: "Trạng thái", en: "Status")
    static let anyStatus = Sentence(vi: "Tất cả", en: "Any")
    static let filter = Sentence(vi: "Lọc", en: "Filter")
    static let title = Sentence(vi: "Tiêu đề", en: "Title")
    static let updated = Sentence(vi: "Cập nhật", en: "Updated")
    static let next = Sentence(vi: "Trang sau", en: "Next page")
    static let none = Sentence(vi: "Chưa có yêu cầu nào khớp.", en: "No requests match.")
    static let assignee = Sentence(vi: "Người phụ trách", en: "Handled by")
    static let unassigned = Sentence(vi: "Chưa phân công", en: "Not assigned yet")
    static let conversation = Sentence(vi: "Trao đổi", en: "Conversation")
    static let files = Sentence(vi: "Tệp đính kèm", en: "Attachments")
    static let reply = Sentence(vi: "Trả lời", en: "Reply")
    static let send = Sentence(vi: "Gửi", en: "Send")
    static let closed = Sentence(
        vi: "Yêu cầu đã đóng; cần hỗ trợ thêm xin gửi yêu cầu mới.",
        en: "This request is closed; please file a new one if you need more help."
    )

    static func moved(to stage: String, _ language: Language) -> String { Sentence(vi: "Chuyển sang: \(stage)", en: "Moved to: \(stage)")(language) }
}

/// The new request form's sentences (PRODUCT.md B4, B5).
enum NewRequestText {
    static let heading = Sentence(vi: "Gửi yêu cầu mới", en: "New request")
    static let title = Sentence(vi: "Tiêu đề", en: "Title")
    static let content = Sentence(vi: "Nội dung", en: "What happened")
    static let contactName = Sentence(vi: "Người liên hệ", en: "Contact person")
    static let contactEmail = Sentence(vi: "Email liên hệ", en: "Contact email")
    static let contactPhone = Sentence(vi: "Điện thoại liên hệ", en: "Contact phone")
    static let files = Sentence(vi: "Ảnh, tài liệu đính kèm", en: "Pictures and documents")
    static let submit = Sentence(vi: "Gửi yêu cầu", en: "Send request")

    static func filesHint(maxBytes: Int, maxFiles: Int, _ language: Language) -> String {
        Sentence(
            vi: "Ảnh JPEG, PNG, WebP, GIF hoặc PDF; tối đa \(maxFiles) tệp, mỗi tệp \(Catalog.megabytes(maxBytes)) MB.",
            en: "JPEG, PNG, WebP or GIF pictures or PDF; at most \(maxFiles) files of \(Catalog.megabytes(maxBytes)) MB each."
        )(language)
    }

    static let reattach = Sentence(vi: "Vui lòng chọn lại tệp đính kèm.", en: "Please choose your files again.")

    static let newRequestLink = Sentence(vi: "Gửi yêu cầu mới", en: "New request")
}
