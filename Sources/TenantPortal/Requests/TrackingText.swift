/// The public tracking page's sentences (PRODUCT.md B6).
enum TrackingText {
    static func heading(_ language: Language) -> String {
        language == .vi ? "Tra cứu yêu cầu" : "Track a request"
    }

    static func intro(_ language: Language) -> String {
        language == .vi
            ? "Nhập mã yêu cầu và 4 chữ số cuối số điện thoại liên hệ để xem yêu cầu đang ở bước nào."
            : "Enter the request code and the last 4 digits of the contact phone number to see where it stands."
    }

    static func code(_ language: Language) -> String { language == .vi ? "Mã yêu cầu" : "Request code" }
    static func phone(_ language: Language) -> String { language == .vi ? "4 số cuối điện thoại" : "Last 4 phone digits" }
    static func submit(_ language: Language) -> String { language == .vi ? "Tra cứu" : "Track" }
    static func current(_ language: Language) -> String { language == .vi ? "Trạng thái hiện tại" : "Current status" }
    static func updated(_ language: Language) -> String { language == .vi ? "Cập nhật lúc" : "Last updated" }

    static func notFound(_ language: Language) -> String {
        language == .vi
            ? "Không có yêu cầu nào khớp với mã và số điện thoại này."
            : "No request matches this code and phone number."
    }
}
