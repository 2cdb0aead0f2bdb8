/// The service introduction's headings and its editor's labels (PRODUCT.md B1).
enum IntroductionText {
    static let heading = Sentence(vi: "Giới thiệu dịch vụ", en: "About the service")
    static let delivery = Sentence(vi: "Phương thức thực hiện", en: "How the service is delivered")
    static let scope = Sentence(vi: "Phạm vi thực hiện", en: "What it covers")
    static let hours = Sentence(vi: "Thời gian thực hiện", en: "Service hours")
    static let channels = Sentence(vi: "Kênh liên hệ", en: "How to reach us")
    static let hotline = Sentence(vi: "Tổng đài", en: "Hotline")
    static func email(_ language: Language) -> String { "Email" }
    static func zalo(_ language: Language) -> String { "Zalo OA" }
    static let website = Sentence(vi: "Cổng thông tin web", en: "Web portal")
    static let inVietnamese = Sentence(vi: "Tiếng Việt", en: "In Vietnamese")
    static let inEnglish = Sentence(vi: "Tiếng Anh", en: "In English")
    static let saved = Sentence(vi: "Đã lưu phần giới thiệu.", en: "The introduction is saved.")
    static let save = Sentence(vi: "Lưu", en: "Save")
}
