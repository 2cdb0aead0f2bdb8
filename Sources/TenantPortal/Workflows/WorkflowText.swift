/// The workflow editor's labels (PRODUCT.md B2).
enum WorkflowText {
    static func workflow(_ language: Language) -> String { language == .vi ? "Quy trình" : "Workflow" }
    static func prefix(_ language: Language) -> String { language == .vi ? "Tiền tố mã phiếu" : "Ticket code prefix" }
    static func stages(_ language: Language) -> String { language == .vi ? "Các bước" : "Stages" }
    static func edit(_ language: Language) -> String { language == .vi ? "Sửa" : "Edit" }
    static func nameVi(_ language: Language) -> String { language == .vi ? "Tên tiếng Việt" : "Name in Vietnamese" }
    static func nameEn(_ language: Language) -> String { language == .vi ? "Tên tiếng Anh" : "Name in English" }
    static func position(_ language: Language) -> String { language == .vi ? "Thứ tự" : "Order" }
    static func visible(_ language: Language) -> String { language == .vi ? "Khách hàng thấy bước này" : "Customers see this stage" }
    static func terminal(_ language: Language) -> String { language == .vi ? "Bước kết thúc" : "Final stage" }
    static func pauses(_ language: Language) -> String {
        language == .vi ? "Dừng đồng hồ SLA (chờ khách hàng)" : "Pauses the SLA clock (waiting on the customer)"
    }
    static func remove(_ language: Language) -> String { language == .vi ? "Bỏ bước này" : "Remove this stage" }
    static func moves(_ language: Language) -> String { language == .vi ? "Có thể chuyển sang" : "May move to" }
    static func newStage(_ language: Language) -> String { language == .vi ? "Thêm bước mới (không bắt buộc)" : "Add a stage (optional)" }
    static func theNewStage(_ language: Language) -> String { language == .vi ? "Bước mới ở trên" : "The new stage above" }
    static func key(_ language: Language) -> String { language == .vi ? "Mã bước" : "Stage key" }
    static func keyHint(_ language: Language) -> String {
        language == .vi
            ? "Chữ thường không dấu, số và '_', ví dụ cho_linh_kien. Không đổi được sau khi lưu."
            : "Lower-case letters, digits and '_', e.g. waiting_parts. It cannot change later."
    }
    static func saved(_ language: Language) -> String { language == .vi ? "Đã lưu quy trình." : "The workflow is saved." }
    static func save(_ language: Language) -> String { language == .vi ? "Lưu quy trình" : "Save the workflow" }
}
