import PGStore

/// What an invitation to the staff workspace says (PRODUCT.md A1): its mail and the page where the
/// member chooses a password.
enum InvitationText {
    static func subject(tenant: String, _ language: Language) -> String {
        language == .vi ? "[\(tenant)] Lời mời tham gia không gian làm việc của nhân viên" : "[\(tenant)] Your invitation to the staff workspace"
    }

    static func intro(hours: Int, _ language: Language) -> String {
        language == .vi
            ? "Bạn được mời làm nhân viên trên cổng thông tin. Hãy chọn mật khẩu của bạn qua đường dẫn dưới đây; đường dẫn chỉ dùng được một lần, trong \(hours) giờ."
            : "You are invited to work on the portal as staff. Choose your password through the link below; it works once, within \(hours) hours."
    }

    static func username(_ language: Language) -> String { PortalText.usernameLabel(language) }
    static func role(_ language: Language) -> String { language == .vi ? "Vai trò" : "Role" }

    static func roleName(_ role: StaffMember.Role, _ language: Language) -> String {
        switch (role, language) {
        case (.admin, .vi): "Quản trị viên"
        case (.admin, .en): "Administrator"
        case (.agent, .vi): "Nhân viên xử lý"
        case (.agent, .en): "Agent"
        }
    }

    static func action(_ language: Language) -> String { language == .vi ? "Chọn mật khẩu" : "Choose your password" }
    static func heading(_ language: Language) -> String { action(language) }

    static func welcome(name: String, username: String, _ language: Language) -> String {
        language == .vi
            ? "Chào \(name). Tên đăng nhập của bạn là \(username). Chọn mật khẩu để vào không gian làm việc."
            : "Welcome, \(name). Your username is \(username). Choose a password to enter the workspace."
    }
}
