/// The rating page's sentences (PRODUCT.md B9).
enum RatingText {
    static let heading = Sentence(vi: "Đánh giá chất lượng phục vụ", en: "Rate our service")

    static let handling = Sentence(vi: "Chất lượng xử lý (1 = rất kém, 5 = rất tốt)", en: "How well it was handled (1 = very poor, 5 = very good)")

    static let attitude = Sentence(vi: "Thái độ phục vụ (1 = rất kém, 5 = rất tốt)", en: "Staff attitude (1 = very poor, 5 = very good)")

    static let comment = Sentence(vi: "Góp ý thêm (không bắt buộc)", en: "Anything else you want to tell us (optional)")

    static let submit = Sentence(vi: "Gửi đánh giá", en: "Send rating")

    static func thanks(handling: Int, attitude: Int, _ language: Language) -> String {
        Sentence(
            vi: "Cảm ơn bạn đã đánh giá: chất lượng xử lý \(handling)/5, thái độ phục vụ \(attitude)/5.",
            en: "Thank you for your rating: handling \(handling)/5, attitude \(attitude)/5."
        )(language)
    }
}
