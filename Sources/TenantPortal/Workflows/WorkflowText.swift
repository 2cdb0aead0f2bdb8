/// The workflow editor's labels (PRODUCT.md B2).
enum WorkflowText {
    static let workflow = Sentence(vi: "Quy trình", en: "Workflow")
    static let prefix = Sentence(vi: "Tiền tố mã phiếu", en: "Ticket code prefix")
    static let stages = Sentence(vi: "Các bước", en: "Stages")
    static let edit = Sentence(vi: "Sửa", en: "Edit")
    static let nameVi = Sentence(vi: "Tên tiếng Việt", en: "Name in Vietnamese")
    static let nameEn = Sentence(vi: "Tên tiếng Anh", en: "Name in English")
    static let position = Sentence(vi: "Thứ tự", en: "Order")
    static let visible = Sentence(vi: "Khách hàng thấy bước này", en: "Customers see this stage")
    static let terminal = Sentence(vi: "Bước kết thúc", en: "Final stage")
    static let pauses = Sentence(vi: "Dừng đồng hồ SLA (chờ khách hàng)", en: "Pauses the SLA clock (waiting on the customer)")
    static let remove = Sentence(vi: "Bỏ bước này", en: "Remove this stage")
    static let moves = Sentence(vi: "Có thể chuyển sang", en: "May move to")
    static let newStage = Sentence(vi: "Thêm bước mới (không bắt buộc)", en: "Add a stage (optional)")
    static let theNewStage = Sentence(vi: "Bước mới ở trên", en: "The new stage above")
    static let key = Sentence(vi: "Mã bước", en: "Stage key")
    static let keyHint = Sentence(
        vi: "Chữ thường không dấu, số và '_', ví dụ cho_linh_kien. Không đổi được sau khi lưu.",
        en: "Lower-case letters, digits and '_', e.g. waiting_parts. It cannot change later."
    )
    static let saved = Sentence(vi: "Đã lưu quy trình.", en: "The workflow is saved.")
    static let save = Sentence(vi: "Lưu quy trình", en: "Save the workflow")
}
