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
        switch (occasion, language) {
        case (.created, .vi): "[\(tenant)] Đã tiếp nhận yêu cầu \(code): \(title)"
        case (.created, .en): "[\(tenant)] We have received your request \(code): \(title)"
        case (.moved, .vi): "[\(tenant)] Yêu cầu \(code) chuyển sang: \(stage)"
        case (.moved, .en): "[\(tenant)] Request \(code) is now: \(stage)"
        case (.completed, .vi): "[\(tenant)] Yêu cầu \(code) đã hoàn thành"
        case (.completed, .en): "[\(tenant)] Request \(code) is complete"
        case (.escalated, .vi): "[\(tenant)] Cần chú ý: \(code) \(title)"
        case (.escalated, .en): "[\(tenant)] Needs attention: \(code) \(title)"
        }
    }

    static func greeting(_ name: String, _ language: Language) -> String {
        language == .vi ? "Kính gửi \(name)," : "Dear \(name),"
    }

    static func intro(_ occasion: Occasion, _ language: Language) -> String {
        switch (occasion, language) {
        case (.created, .vi): "Chúng tôi đã tiếp nhận yêu cầu của bạn và sẽ phản hồi sớm nhất."
        case (.created, .en): "We have received your request and will get back to you as soon as we can."
        case (.moved, .vi): "Yêu cầu của bạn vừa chuyển sang bước mới."
        case (.moved, .en): "Your request has moved on to a new step."
        case (.completed, .vi): "Yêu cầu của bạn đã được xử lý xong. Mong bạn dành một phút đánh giá chất lượng phục vụ."
        case (.completed, .en): "Your request has been handled. Please take a minute to rate how we did."
        case (.escalated(let reason), _): reason
        }
    }

    static func label(_ fact: Fact, _ language: Language) -> String {
        switch (fact, language) {
        case (.code, .vi): "Mã yêu cầu"
        case (.code, .en): "Request code"
        case (.title, .vi): "Tiêu đề"
        case (.title, .en): "Title"
        case (.stage, .vi): "Trạng thái"
        case (.stage, .en): "Status"
        }
    }

    enum Fact { case code, title, stage }

    static func action(_ occasion: Occasion, _ language: Language) -> String {
        switch (occasion, language) {
        case (.completed, .vi): "Đánh giá chất lượng xử lý"
        case (.completed, .en): "Rate our service"
        case (_, .vi): "Mở cổng thông tin"
        case (_, .en): "Open the portal"
        }
    }

    static func footer(_ language: Language) -> String {
        language == .vi
            ? "Đây là email tự động, vui lòng không trả lời email này."
            : "This message was sent automatically; please do not reply to it."
    }

    static func lowRating(handling: Int, attitude: Int, comment: String, _ language: Language) -> String {
        let said = comment.isEmpty ? "" : (language == .vi ? " Nhận xét: “\(comment)”" : " Comment: “\(comment)”")
        return language == .vi
            ? "Khách hàng đánh giá thấp: chất lượng xử lý \(handling)/5, thái độ phục vụ \(attitude)/5.\(said) Mức ưu tiên đã được nâng một bậc."
            : "The customer gave a poor rating: handling \(handling)/5, attitude \(attitude)/5.\(said) The priority has been raised one step."
    }
}
