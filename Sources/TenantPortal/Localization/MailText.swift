/// Every sentence a notification mail says, in Vietnamese and English (PRODUCT.md B8).
enum MailText {
    /// Why a mail is sent.
    enum Occasion: Equatable {
        case created
        case moved
        case completed
        /// To the team lead: a ticket needs attention (a poor rating, an SLA warning or breach).
        case escalated(reason: String)
    }

    static func subject(_ occasion: Occasion, tenant: String, code: String, title: String, stage: String, _ language: Language) -> String {
        let sentence: Sentence =
            switch occasion {
            case .created:
                Sentence(vi: "[\(tenant)] Đã tiếp nhận yêu cầu \(code): \(title)", en: "[\(tenant)] We have received your request \(code): \(title)")
            case .moved: Sentence(vi: "[\(tenant)] Yêu cầu \(code) chuyển sang: \(stage)", en: "[\(tenant)] Request \(code) is now: \(stage)")
            case .completed: Sentence(vi: "[\(tenant)] Yêu cầu \(code) đã hoàn thành", en: "[\(tenant)] Request \(code) is complete")
            case .escalated: Sentence(vi: "[\(tenant)] Cần chú ý: \(code) \(title)", en: "[\(tenant)] Needs attention: \(code) \(title)")
            }
        return sentence(language)
    }

    static func greeting(_ name: String, _ language: Language) -> String {
        Sentence(vi: "Kính gửi \(name),", en: "Dear \(name),")(language)
    }

    static func intro(_ occasion: Occasion, _ language: Language) -> String {
        let sentence: Sentence =
            switch occasion {
            case .created:
                Sentence(
                    vi: "Chúng tôi đã tiếp nhận yêu cầu của bạn và sẽ phản hồi sớm nhất.",
                    en: "We have received your request and will get back to you as soon as we can."
                )
            case .moved: Sentence(vi: "Yêu cầu của bạn vừa chuyển sang bước mới.", en: "Your request has moved on to a new step.")
            case .completed:
                Sentence(
                    vi: "Yêu cầu của bạn đã được xử lý xong. Mong bạn dành một phút đánh giá chất lượng phục vụ.",
                    en: "Your request has been handled. Please take a minute to rate how we did."
                )
            case .escalated(let reason): Sentence(vi: reason, en: reason)
            }
        return sentence(language)
    }

    static func label(_ fact: Fact, _ language: Language) -> String {
        let sentence: Sentence =
            switch fact {
            case .code: Sentence(vi: "Mã yêu cầu", en: "Request code")
            case .title: Sentence(vi: "Tiêu đề", en: "Title")
            case .stage: Sentence(vi: "Trạng thái", en: "Status")
            }
        return sentence(language)
    }

    enum Fact { case code, title, stage }

    static func action(_ occasion: Occasion, _ language: Language) -> String {
        let sentence: Sentence =
            switch occasion {
            case .completed: Sentence(vi: "Đánh giá chất lượng xử lý", en: "Rate our service")
            default: Sentence(vi: "Mở cổng thông tin", en: "Open the portal")
            }
        return sentence(language)
    }

    static let footer = Sentence(
        vi: "Đây là email tự động, vui lòng không trả lời email này.",
        en: "This message was sent automatically; please do not reply to it."
    )

    static func lowRating(handling: Int, attitude: Int, comment: String, _ language: Language) -> String {
        let said = comment.isEmpty ? "" : (Sentence(vi: " Nhận xét: “\(comment)”", en: " Comment: “\(comment)”")(language))
        return Sentence(
            vi: "Khách hàng đánh giá thấp: chất lượng xử lý \(handling)/5, thái độ phục vụ \(attitude)/5.\(said) Mức ưu tiên đã được nâng một bậc.",
            en: "The customer gave a poor rating: handling \(handling)/5, attitude \(attitude)/5.\(said) The priority has been raised one step."
        )(language)
    }
}
