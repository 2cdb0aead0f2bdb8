/// The staff's customers and tokens page (C1, C2).
enum CustomerText {
    static func customer(_ language: Language) -> String { language == .vi ? "Khách hàng" : "Customer" }
    static func warranty(_ language: Language) -> String { language == .vi ? "Bảo hành đến" : "Warranty until" }
    static func token(_ language: Language) -> String { language == .vi ? "Mã truy cập" : "Token" }
    static func manager(_ language: Language) -> String { language == .vi ? "Phụ trách" : "Account manager" }
    static func actions(_ language: Language) -> String { language == .vi ? "Thao tác" : "Actions" }
    static func none(_ language: Language) -> String { language == .vi ? "Chưa có" : "None" }
    static func issuedAt(_ when: String, _ language: Language) -> String { language == .vi ? "Cấp lúc \(when)" : "Issued \(when)" }
    static func noCustomers(_ language: Language) -> String { language == .vi ? "Chưa có khách hàng nào." : "No customers yet." }
    static func newHeading(_ language: Language) -> String { language == .vi ? "Khách hàng mới" : "New customer" }
    static func name(_ language: Language) -> String { language == .vi ? "Tên khách hàng" : "Customer name" }
    static func code(_ language: Language) -> String { language == .vi ? "Mã khách hàng" : "Customer code" }
    static func codeField(_ language: Language) -> String {
        language == .vi ? "Mã khách hàng (để trống để tạo tự động: KH0001...)" : "Customer code (leave empty for the next one: KH0001...)"
    }
    static func issue(_ language: Language) -> String { language == .vi ? "Cấp mã truy cập" : "Issue a token" }
    static func rotate(_ language: Language) -> String { language == .vi ? "Cấp mã mới" : "Rotate" }
    static func revoke(_ language: Language) -> String { language == .vi ? "Thu hồi" : "Revoke" }

    static func confirmRotate(_ name: String, _ language: Language) -> String {
        language == .vi
            ? "Cấp mã mới cho \(name)? Mã cũ và các phiên đăng nhập bằng nó ngừng hoạt động ngay."
            : "Rotate \(name)'s token? The old token and its sessions stop working at once."
    }

    static func confirmRevoke(_ name: String, _ language: Language) -> String {
        language == .vi
            ? "Thu hồi mã truy cập của \(name)? Khách hàng không đăng nhập được cho đến khi được cấp mã mới."
            : "Revoke \(name)'s token? The customer cannot sign in until a new one is issued."
    }

    static func issued(_ name: String, _ language: Language) -> String {
        language == .vi ? "Mã truy cập mới của \(name):" : "\(name)'s new token:"
    }

    static func shownOnce(_ language: Language) -> String {
        language == .vi
            ? "Hãy sao chép và gửi cho khách hàng ngay: mã chỉ hiện một lần, hệ thống chỉ giữ bản băm."
            : "Copy it and send it to the customer now: it is shown only once; only its hash is kept."
    }

    static func revoked(_ language: Language) -> String { language == .vi ? "Đã thu hồi mã truy cập." : "The token is revoked." }
}
