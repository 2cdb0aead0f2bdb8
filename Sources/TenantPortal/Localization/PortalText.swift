/// The customer portal's sentences for signing in and the customer's own details (PRODUCT.md C1, C2).
enum PortalText {
    static let signInHeading = Sentence(vi: "Đăng nhập", en: "Sign in")

    static let tokenLabel = Sentence(vi: "Mã truy cập của công ty bạn", en: "Your organisation's access token")

    static let tokenHint = Sentence(
        vi: "Mã truy cập do nhà cung cấp cấp cho công ty bạn. Nhân viên, đại lý: đăng nhập bằng tên đăng nhập và mật khẩu.",
        en: "The token your provider issued to your organisation. Staff and agents: sign in with your username and password."
    )

    static let usernameLabel = Sentence(vi: "Tên đăng nhập", en: "Username")
    static let passwordLabel = Sentence(vi: "Mật khẩu", en: "Password")
    static let submit = Sentence(vi: "Đăng nhập", en: "Sign in")
    static let signOut = Sentence(vi: "Đăng xuất", en: "Sign out")
    static let orPassword = Sentence(vi: "Hoặc dùng tên đăng nhập", en: "Or use a username")
    static func signedInAs(_ name: String, _ language: Language) -> String { Sentence(vi: "Xin chào, \(name)", en: "Hello, \(name)")(language) }
    static let warranty = Sentence(vi: "Bảo hành đến", en: "Warranty until")
    static func inWarranty(_ yes: Bool, _ language: Language) -> String {
        let sentence: Sentence =
            switch yes {
            case true: Sentence(vi: "Còn bảo hành", en: "In warranty")
            case false: Sentence(vi: "Hết bảo hành", en: "Out of warranty")
            }
        return sentence(language)
    }

    static let noWarranty = Sentence(vi: "Chưa có thông tin bảo hành", en: "No warranty on record")
    static let admins = Sentence(vi: "Quản trị hệ thống phía công ty bạn", en: "Your organisation's system administrators")
    static let trackLink = Sentence(vi: "Tra cứu yêu cầu bằng mã", en: "Track a request by its code")

    static let formExpired = Sentence(
        vi: "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng thử lại.",
        en: "This form has expired or is not valid. Please try again."
    )
}
