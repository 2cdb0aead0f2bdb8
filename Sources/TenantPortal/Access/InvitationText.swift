import PGStore

/// What an invitation to the staff workspace says (PRODUCT.md A1): its mail and the page where the
/// member chooses a password.
enum InvitationText {
    static func subject(tenant: String, _ language: Language) -> String {
        Sentence(vi: "[\(tenant)] Lời mời tham gia không gian làm việc của nhân viên", en: "[\(tenant)] Your invitation to the staff workspace")(
            language
        )
    }

    static func intro(hours: Int, _ language: Language) -> String {
        Sentence(
            vi:
                "Bạn được mời làm nhân viên trên cổng thông tin. Hãy chọn mật khẩu của bạn qua đường dẫn dưới đây; đường dẫn chỉ dùng được một lần, trong \(hours) giờ.",
            en: "You are invited to work on the portal as staff. Choose your password through the link below; it works once, within \(hours) hours."
        )(language)
    }

    static func username(_ language: Language) -> String { PortalText.usernameLabel(language) }
    static let role = Sentence(vi: "Vai trò", en: "Role")

    static func roleName(_ role: StaffMember.Role, _ language: Language) -> String {
        let name =
            switch role {
            case .admin: Sentence(vi: "Quản trị viên", en: "Administrator")
            case .agent: Sentence(vi: "Nhân viên xử lý", en: "Agent")
            }
        return name(language)
    }

    static let action = Sentence(vi: "Chọn mật khẩu", en: "Choose your password")
    static func heading(_ language: Language) -> String { action(language) }

    static func welcome(name: String, username: String, _ language: Language) -> String {
        Sentence(
            vi: "Chào \(name). Tên đăng nhập của bạn là \(username). Chọn mật khẩu để vào không gian làm việc.",
            en: "Welcome, \(name). Your username is \(username). Choose a password to enter the workspace."
        )(language)
    }
}
