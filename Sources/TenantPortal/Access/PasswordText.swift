/// The sentences of the page where a signed-in person changes their own password.
enum PasswordText {
    static func heading(_ language: Language) -> String { StaffSection.password.name(language) }
    static let current = Sentence(vi: "Mật khẩu hiện tại", en: "Current password")
    static let new = Sentence(vi: "Mật khẩu mới (ít nhất 10 ký tự)", en: "New password (at least 10 characters)")
    static let repeated = Sentence(vi: "Nhập lại mật khẩu mới", en: "The new password again")
    static let submit = Sentence(vi: "Đổi mật khẩu", en: "Change password")
    static let back = Sentence(vi: "Trang chủ", en: "Front page")
    static let saved = Sentence(
        vi: "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn (trên máy khác, ứng dụng) đã kết thúc.",
        en: "Your password is changed. Your other sessions (on other devices, in apps) have ended."
    )
}
