/// The sentences of the page where a signed-in person changes their own password.
enum PasswordText {
    static func heading(_ language: Language) -> String { StaffSection.password.name(language) }
    static func current(_ language: Language) -> String { language == .vi ? "Mật khẩu hiện tại" : "Current password" }
    static func new(_ language: Language) -> String { language == .vi ? "Mật khẩu mới (ít nhất 10 ký tự)" : "New password (at least 10 characters)" }
    static func repeated(_ language: Language) -> String { language == .vi ? "Nhập lại mật khẩu mới" : "The new password again" }
    static func submit(_ language: Language) -> String { language == .vi ? "Đổi mật khẩu" : "Change password" }
    static func back(_ language: Language) -> String { language == .vi ? "Trang chủ" : "Front page" }
    static func saved(_ language: Language) -> String {
        language == .vi
            ? "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn (trên máy khác, ứng dụng) đã kết thúc."
            : "Your password is changed. Your other sessions (on other devices, in apps) have ended."
    }
}
