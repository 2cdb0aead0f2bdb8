import PGStore

/// The administrators' staff page (A1).
enum StaffMemberText {
    static let name = Sentence(vi: "Họ tên", en: "Name")
    static func username(_ language: Language) -> String { PortalText.usernameLabel(language) }
    static func role(_ language: Language) -> String { InvitationText.role(language) }
    static let team = Sentence(vi: "Nhóm", en: "Team")
    static func email(_ language: Language) -> String { "Email" }
    static let state = Sentence(vi: "Trạng thái", en: "State")
    static func actions(_ language: Language) -> String { CustomerText.actions(language) }

    static func state(of entry: StaffRosterEntry, _ language: Language) -> String {
        let state =
            switch (entry.active, entry.invitation) {
            case (false, _): Sentence(vi: "Đã khóa", en: "Deactivated")
            case (true, .pending?): Sentence(vi: "Đã mời, chưa chọn mật khẩu", en: "Invited; no password yet")
            case (true, .expired?): Sentence(vi: "Lời mời đã hết hạn", en: "Invitation expired")
            case (true, nil): Sentence(vi: "Đang hoạt động", en: "Active")
            }
        return state(language)
    }

    static let inviteHeading = Sentence(vi: "Mời nhân viên", en: "Invite a colleague")
    static let invite = Sentence(vi: "Gửi lời mời", en: "Send the invitation")
    static let inviteAgain = Sentence(vi: "Gửi lại lời mời", en: "Invite again")
    static let save = Sentence(vi: "Lưu", en: "Save")
    static let deactivate = Sentence(vi: "Khóa", en: "Deactivate")
    static let reactivate = Sentence(vi: "Mở khóa", en: "Reactivate")

    static func confirmDeactivate(_ name: String, _ language: Language) -> String {
        Sentence(
            vi: "Khóa tài khoản của \(name)? Mọi phiên đăng nhập của họ kết thúc ngay; phiếu được giao cho họ vẫn giữ nguyên.",
            en: "Deactivate \(name)? Their sessions end at once; the tickets assigned to them stay as they are."
        )(language)
    }

    static func invited(_ username: String, email: String, _ language: Language) -> String {
        Sentence(
            vi:
                "Đã gửi lời mời tới \(email). \(username) chọn mật khẩu qua đường dẫn trong email, dùng được một lần trong \(StaffInvitation.hours) giờ:",
            en:
                "The invitation is on its way to \(email). \(username) chooses a password through its link, which works once, within \(StaffInvitation.hours) hours:"
        )(language)
    }

    static let linkHint = Sentence(
        vi: "Đường dẫn chỉ hiện một lần. Nếu email đến chậm, bạn có thể tự gửi nó cho đồng nghiệp qua kênh an toàn.",
        en: "The link is shown this once. If the mail is slow to arrive, you may pass it on yourself over a safe channel."
    )

    static func roleName(_ role: StaffMember.Role, _ language: Language) -> String { InvitationText.roleName(role, language) }
}
