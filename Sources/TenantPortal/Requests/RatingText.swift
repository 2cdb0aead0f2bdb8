/// The rating page's sentences (PRODUCT.md B9).
enum RatingText {
    static func heading(_ language: Language) -> String {
        language == .vi ? "Đánh giá chất lượng phục vụ" : "Rate our service"
    }

    static func handling(_ language: Language) -> String {
        language == .vi ? "Chất lượng xử lý (1 = rất kém, 5 = rất tốt)" : "How well it was handled (1 = very poor, 5 = very good)"
    }

    static func attitude(_ language: Language) -> String {
        language == .vi ? "Thái độ phục vụ (1 = rất kém, 5 = rất tốt)" : "Staff attitude (1 = very poor, 5 = very good)"
    }

    static func comment(_ language: Language) -> String {
        language == .vi ? "Góp ý thêm (không bắt buộc)" : "Anything else you want to tell us (optional)"
    }

    static func submit(_ language: Language) -> String {
        language == .vi ? "Gửi đánh giá" : "Send rating"
    }

    static func thanks(handling: Int, attitude: Int, _ language: Language) -> String {
        language == .vi
            ? "Cảm ơn bạn đã đánh giá: chất lượng xử lý \(handling)/5, thái độ phục vụ \(attitude)/5."
            : "Thank you for your rating: handling \(handling)/5, attitude \(attitude)/5."
    }
}
