import PGStore

/// The administrators' staff page (A1).
enum StaffMemberText {
    static func name(_ language: Language) -> String { language == .vi ? "Họ tên" : "Name" }
    static func username(_ language: Language) -> String { PortalText.usernameLabel(language) }
    static func role(_ language: Language) -> String { InvitationText.role(language) }
    static func team(_ language: Language) -> String { language == .vi ? "Nhóm" : "Team" }
    static func email(_ language: Language) -> String { "Email" }
    static func state(_ language: Language) -> String { language == .vi ? "Trạng thái" : "State" }
    static func actions(_ language: Language) -> String { CustomerText.actions(language) }

    static func state(of entry: StaffRosterEntry, _ language: Language) -> String {
        switch (entry.active, entry.invitation, language) {
        case (false, _, .vi): "Đã khóa"
        case (false, _, .en): "Deactivated"
        case (true, .pending?, .vi): "Đã mời, chưa chọn mật khẩu"
        case (true, .pending?, .en): "Invited; no password yet"
        case (true, .expired?, .vi): "Lời mời đã hết hạn"
        case (true, .expired?, .en): "Invitation expired"
        case (true, nil, .vi): "Đang hoạt động"
        case (true, nil, .en): "Active"
        }
    }

    static func inviteHeading(_ language: Language) -> String { language == .vi ? "Mời nhân viên" : "Invite a colleague" }
    static func invite(_ language: Language) -> String { language == .vi ? "Gửi lời mời" : "Send the invitation" }
    static func inviteAgain(_ language: Language) -> String { language == .vi ? "Gửi lại lời mời" : "Invite again" }
    static func save(_ language: Language) -> String { language == .vi ? "Lưu" : "Save" }
    static func deactivate(_ language: Language) -> String { language == .vi ? "Khóa" : "Deactivate" }
    static func reactivate(_ language: Language) -> String { language == .vi ? "Mở khóa" : "Reactivate" }

    static func confirmDeactivate(_ name: String, _ language: Language) -> String {
        language == .vi
            ? "Khóa tài khoản của \(name)? Mọi phiên đăng nhập của họ kết thúc ngay; phiếu được giao cho họ vẫn giữ nguyên."
            : "Deactivate \(name)? Their sessions end at once; the tickets assigned to them stay as they are."
    }

    static func invited(_ username: String, email: String, _ language: Language) -> String {
        language == .vi
            ? "Đã gửi lời mời tới \(email). \(username) chọn mật khẩu qua đường dẫn trong email, dùng được một lần trong \(StaffInvitation.hours) giờ:"
            : "The invitation is on its way to \(email). \(username) chooses a password through its link, which works once, within \(StaffInvitation.hours) hours:"
    }

    static func linkHint(_ language: Language) -> String {
        language == .vi
            ? "Đường dẫn chỉ hiện một lần. Nếu email đến chậm, bạn có thể tự gửi nó cho đồng nghiệp qua kênh an toàn."
            : "The link is shown this once. If the mail is slow to arrive, you may pass it on yourself over a safe channel."
    }

    static func roleName(_ role: StaffMember.Role, _ language: Language) -> String { InvitationText.roleName(role, language) }
}
