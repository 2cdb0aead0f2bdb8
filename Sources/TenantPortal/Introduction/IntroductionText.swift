/// The service introduction's headings and its editor's labels (PRODUCT.md B1).
enum IntroductionText {
    static func heading(_ language: Language) -> String { language == .vi ? "Giới thiệu dịch vụ" : "About the service" }
    static func delivery(_ language: Language) -> String { language == .vi ? "Phương thức thực hiện" : "How the service is delivered" }
    static func scope(_ language: Language) -> String { language == .vi ? "Phạm vi thực hiện" : "What it covers" }
    static func hours(_ language: Language) -> String { language == .vi ? "Thời gian thực hiện" : "Service hours" }
    static func channels(_ language: Language) -> String { language == .vi ? "Kênh liên hệ" : "How to reach us" }
    static func hotline(_ language: Language) -> String { language == .vi ? "Tổng đài" : "Hotline" }
    static func email(_ language: Language) -> String { "Email" }
    static func zalo(_ language: Language) -> String { "Zalo OA" }
    static func website(_ language: Language) -> String { language == .vi ? "Cổng thông tin web" : "Web portal" }
    static func inVietnamese(_ language: Language) -> String { language == .vi ? "Tiếng Việt" : "In Vietnamese" }
    static func inEnglish(_ language: Language) -> String { language == .vi ? "Tiếng Anh" : "In English" }
    static func saved(_ language: Language) -> String { language == .vi ? "Đã lưu phần giới thiệu." : "The introduction is saved." }
    static func save(_ language: Language) -> String { language == .vi ? "Lưu" : "Save" }
}
