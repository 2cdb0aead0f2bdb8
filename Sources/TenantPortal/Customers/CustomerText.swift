/// The staff's customers and tokens page (C1, C2).
enum CustomerText {
    static let customer = Sentence(vi: "Khách hàng", en: "Customer")
    static let warranty = Sentence(vi: "Bảo hành đến", en: "Warranty until")
    static let token = Sentence(vi: "Mã truy cập", en: "Token")
    static let manager = Sentence(vi: "Phụ trách", en: "Account manager")
    static let actions = Sentence(vi: "Thao tác", en: "Actions")
    static let none = Sentence(vi: "Chưa có", en: "None")
    static func issuedAt(_ when: String, _ language: Language) -> String { Sentence(vi: "Cấp lúc \(when)", en: "Issued \(when)")(language) }
    static let noCustomers = Sentence(vi: "Chưa có khách hàng nào.", en: "No customers yet.")
    static let newHeading = Sentence(vi: "Khách hàng mới", en: "New customer")
    static let name = Sentence(vi: "Tên khách hàng", en: "Customer name")
    static let code = Sentence(vi: "Mã khách hàng", en: "Customer code")
    static let codeField = Sentence(
        vi: "Mã khách hàng (để trống để tạo tự động: KH0001...)",
        en: "Customer code (leave empty for the next one: KH0001...)"
    )
    static let issue = Sentence(vi: "Cấp mã truy cập", en: "Issue a token")
    static let rotate = Sentence(vi: "Cấp mã mới", en: "Rotate")
    static let revoke = Sentence(vi: "Thu hồi", en: "Revoke")

    static func confirmRotate(_ name: String, _ language: Language) -> String {
        Sentence(
            vi: "Cấp mã mới cho \(name)? Mã cũ và các phiên đăng nhập bằng nó ngừng hoạt động ngay.",
            en: "Rotate \(name)'s token? The old token and its sessions stop working at once."
        )(language)
    }

    static func confirmRevoke(_ name: String, _ language: Language) -> String {
        Sentence(
            vi: "Thu hồi mã truy cập của \(name)? Khách hàng không đăng nhập được cho đến khi được cấp mã mới.",
            en: "Revoke \(name)'s token? The customer cannot sign in until a new one is issued."
        )(language)
    }

    static func issued(_ name: String, _ language: Language) -> String {
        Sentence(vi: "Mã truy cập mới của \(name):", en: "\(name)'s new token:")(language)
    }

    static let shownOnce = Sentence(
        vi: "Hãy sao chép và gửi cho khách hàng ngay: mã chỉ hiện một lần, hệ thống chỉ giữ bản băm.",
        en: "Copy it and send it to the customer now: it is shown only once; only its hash is kept."
    )

    static let revoked = Sentence(vi: "Đã thu hồi mã truy cập.", en: "The token is revoked.")
    static let admins = Sentence(vi: "Quản trị hệ thống phía khách hàng", en: "The customer's administrators")
    static let contacts = Sentence(vi: "Người liên hệ", en: "Contacts")
    static let latestTickets = Sentence(vi: "Phiếu gần đây", en: "Latest tickets")
    static let allTickets = Sentence(vi: "Tất cả phiếu của khách hàng này", en: "All of this customer's tickets")
    static let noTickets = Sentence(vi: "Khách hàng chưa có phiếu nào.", en: "This customer has no tickets yet.")
    static let tokenState = Sentence(vi: "Mã truy cập", en: "Access token")
    static let hasToken = Sentence(vi: "Đã cấp", en: "Issued")
}
