/// The customer portal's sentences for signing in and the customer's own details (PRODUCT.md C1, C2).
enum PortalText {
    static func signInHeading(_ language: Language) -> String { language == .vi ? "Đăng nhập" : "Sign in" }

    static func tokenLabel(_ language: Language) -> String { language == .vi ? "Mã truy cập của công ty bạn" : "Your organisation's access token" }

    static func tokenHint(_ language: Language) -> String {
        language == .vi
            ? "Mã truy cập do nhà cung cấp cấp cho công ty bạn. Nhân viên, đại lý: đăng nhập bằng tên đăng nhập và mật khẩu."
            : "The token your provider issued to your organisation. Staff and agents: sign in with your username and password."
    }

    static func usernameLabel(_ language: Language) -> String { language == .vi ? "Tên đăng nhập" : "Username" }
    static func passwordLabel(_ language: Language) -> String { language == .vi ? "Mật khẩu" : "Password" }
    static func submit(_ language: Language) -> String { language == .vi ? "Đăng nhập" : "Sign in" }
    static func signOut(_ language: Language) -> String { language == .vi ? "Đăng xuất" : "Sign out" }
    static func orPassword(_ language: Language) -> String { language == .vi ? "Hoặc dùng tên đăng nhập" : "Or use a username" }
    static func signedInAs(_ name: String, _ language: Language) -> String { language == .vi ? "Xin chào, \(name)" : "Hello, \(name)" }
    static func warranty(_ language: Language) -> String { language == .vi ? "Bảo hành đến" : "Warranty until" }
    static func inWarranty(_ yes: Bool, _ language: Language) -> String {
        switch (yes, language) {
        case (true, .vi): "Còn bảo hành"
        case (true, .en): "In warranty"
        case (false, .vi): "Hết bảo hành"
        case (false, .en): "Out of warranty"
        }
    }

    static func noWarranty(_ language: Language) -> String { language == .vi ? "Chưa có thông tin bảo hành" : "No warranty on record" }
    static func admins(_ language: Language) -> String {
        language == .vi ? "Quản trị hệ thống phía công ty bạn" : "Your organisation's system administrators"
    }
    static func trackLink(_ language: Language) -> String { language == .vi ? "Tra cứu yêu cầu bằng mã" : "Track a request by its code" }

    static func formExpired(_ language: Language) -> String {
        language == .vi
            ? "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng thử lại."
            : "This form has expired or is not valid. Please try again."
    }
}
