/// Every sentence a page shows, in Vietnamese and English. Templates hold no text of their own.
enum Catalog {
    /// A page that tells the visitor why they cannot go on.
    enum Notice {
        case tenantNotFound(slug: String)
        case tenantSuspended(name: String)
        /// An address under a portal that no page has.
        case pageNotFound(name: String)
        /// A request the portal turned down, with the reason already in the visitor's language.
        case refused(String)

        func title(_ language: Language) -> String {
            switch (self, language) {
            case (.tenantNotFound, .vi): "Không tìm thấy cổng thông tin"
            case (.tenantNotFound, .en): "Portal not found"
            case (.tenantSuspended, .vi): "Cổng thông tin đang tạm ngừng"
            case (.tenantSuspended, .en): "This portal is suspended"
            case (.pageNotFound, .vi): "Không tìm thấy trang"
            case (.pageNotFound, .en): "Page not found"
            case (.refused, .vi): "Không thực hiện được"
            case (.refused, .en): "This did not work"
            }
        }

        func message(_ language: Language) -> String {
            switch (self, language) {
            case (.tenantNotFound(let slug), .vi):
                "Địa chỉ /t/\(slug)/ không thuộc doanh nghiệp nào. Vui lòng kiểm tra lại đường dẫn bạn nhận được."
            case (.tenantNotFound(let slug), .en):
                "No business uses the address /t/\(slug)/. Please check the link you were given."
            case (.tenantSuspended(let name), .vi):
                "Cổng thông tin của \(name) đang tạm ngừng hoạt động. Dữ liệu của bạn vẫn được giữ nguyên; vui lòng liên hệ \(name) để biết thêm."
            case (.tenantSuspended(let name), .en):
                "\(name)'s portal is suspended for now. Your data is kept; please contact \(name) to learn more."
            case (.pageNotFound(let name), .vi):
                "Cổng thông tin của \(name) không có trang này. Vui lòng kiểm tra lại đường dẫn hoặc quay về trang chủ."
            case (.pageNotFound(let name), .en): "\(name)'s portal has no such page. Please check the link, or go back to the front page."
            case (.refused(let reason), _): reason
            }
        }
    }

    static func welcome(_ name: String, _ language: Language) -> String {
        switch language {
        case .vi: "Chào mừng bạn đến với cổng dịch vụ khách hàng của \(name)."
        case .en: "Welcome to \(name)'s customer portal."
        }
    }

    static func skipToContent(_ language: Language) -> String { language == .vi ? "Bỏ qua, tới nội dung chính" : "Skip to the main content" }

    static func switchLanguage(_ language: Language) -> String {
        switch language {
        case .vi: "English"
        case .en: "Tiếng Việt"
        }
    }
}
