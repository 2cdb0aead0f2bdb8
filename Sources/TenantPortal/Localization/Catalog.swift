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
            let title =
                switch self {
                case .tenantNotFound: Sentence(vi: "Không tìm thấy cổng thông tin", en: "Portal not found")
                case .tenantSuspended: Sentence(vi: "Cổng thông tin đang tạm ngừng", en: "This portal is suspended")
                case .pageNotFound: Sentence(vi: "Không tìm thấy trang", en: "Page not found")
                case .refused: Sentence(vi: "Không thực hiện được", en: "This did not work")
                }
            return title(language)
        }

        func message(_ language: Language) -> String {
            let message =
                switch self {
                case .tenantNotFound(let slug):
                    Sentence(
                        vi: "Địa chỉ /t/\(slug)/ không thuộc doanh nghiệp nào. Vui lòng kiểm tra lại đường dẫn bạn nhận được.",
                        en: "No business uses the address /t/\(slug)/. Please check the link you were given."
                    )
                case .tenantSuspended(let name):
                    Sentence(
                        vi:
                            "Cổng thông tin của \(name) đang tạm ngừng hoạt động. Dữ liệu của bạn vẫn được giữ nguyên; vui lòng liên hệ \(name) để biết thêm.",
                        en: "\(name)'s portal is suspended for now. Your data is kept; please contact \(name) to learn more."
                    )
                case .pageNotFound(let name):
                    Sentence(
                        vi: "Cổng thông tin của \(name) không có trang này. Vui lòng kiểm tra lại đường dẫn hoặc quay về trang chủ.",
                        en: "\(name)'s portal has no such page. Please check the link, or go back to the front page."
                    )
                case .refused(let reason): Sentence(vi: reason, en: reason)
                }
            return message(language)
        }
    }

    static func welcome(_ name: String, _ language: Language) -> String {
        Sentence(vi: "Chào mừng bạn đến với cổng dịch vụ khách hàng của \(name).", en: "Welcome to \(name)'s customer portal.")(language)
    }

    static let skipToContent = Sentence(vi: "Bỏ qua, tới nội dung chính", en: "Skip to the main content")

    /// The language switch names the other language, in that language.
    static let switchLanguage = Sentence(vi: "English", en: "Tiếng Việt")
}
