import PGStore

/// What a set-password link says (PRODUCT.md A1, E1, F1): an invitation to the staff workspace or
/// a portal user's new account; its mail and the page where the password is chosen.
enum InvitationText {
    static func subject(tenant: String, _ holder: PasswordHolder, _ language: Language) -> String {
        let subject =
            switch holder {
            case .staff:
                Sentence(
                    vi: "[\(tenant)] Lời mời tham gia không gian làm việc của nhân viên",
                    en: "[\(tenant)] Your invitation to the staff workspace"
                )
            case .portalUser: Sentence(vi: "[\(tenant)] Tài khoản cổng thông tin của bạn", en: "[\(tenant)] Your portal account")
            }
        return subject(language)
    }

    static func intro(hours: Int, _ holder: PasswordHolder, _ language: Language) -> String {
        let intro =
            switch holder {
            case .staff:
                Sentence(
                    vi:
                        "Bạn được mời làm nhân viên trên cổng thông tin. Hãy chọn mật khẩu của bạn qua đường dẫn dưới đây; đường dẫn chỉ dùng được một lần, trong \(hours) giờ.",
                    en:
                        "You are invited to work on the portal as staff. Choose your password through the link below; it works once, within \(hours) hours."
                )
            case .portalUser:
                Sentence(
                    vi:
                        "Tài khoản của bạn trên cổng thông tin đã được tạo. Hãy chọn mật khẩu qua đường dẫn dưới đây; đường dẫn chỉ dùng được một lần, trong \(hours) giờ.",
                    en: "Your account on the portal is ready. Choose your password through the link below; it works once, within \(hours) hours."
                )
            }
        return intro(language)
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

    static func welcome(name: String, username: String, _ holder: PasswordHolder, _ language: Language) -> String {
        let place = holder == .staff ? Sentence(vi: "không gian làm việc", en: "the workspace") : Sentence(vi: "cổng thông tin", en: "the portal")
        return Sentence(
            vi: "Chào \(name). Tên đăng nhập của bạn là \(username). Chọn mật khẩu để vào \(place(.vi)).",
            en: "Welcome, \(name). Your username is \(username). Choose a password to enter \(place(.en))."
        )(language)
    }
}
