/// The workspace's forms for agents and products (E1, issue 19 item 10), both languages.
enum AgentFormText {
    static let newAgent = Sentence(vi: "Thêm đại lý", en: "Add an agent")
    static let edit = Sentence(vi: "Sửa thông tin đại lý", en: "Edit the agent")
    static let create = Sentence(vi: "Tạo đại lý", en: "Create the agent")
    static let save = Sentence(vi: "Lưu thay đổi", en: "Save the changes")
    static let saved = Sentence(vi: "Đã lưu thông tin đại lý.", en: "The agent is saved.")
    static let name = Sentence(vi: "Tên đại lý", en: "Name")
    static let phone = Sentence(vi: "Điện thoại", en: "Phone")
    static let email = Sentence(vi: "Thư điện tử", en: "Email")
    static let region = Sentence(vi: "Khu vực", en: "Region")
    static let commissionRate = Sentence(vi: "Tỷ lệ hoa hồng (tối đa 0.15)", en: "Commission rate (at most 0.15)")
    static let commissionFrom = Sentence(vi: "Tỷ lệ mới áp dụng từ ngày xổ", en: "New rate applies from draw date")
    static let collateral = Sentence(vi: "Tài sản thế chấp (đồng)", en: "Collateral (VND)")
    static let reason = Sentence(vi: "Lý do đổi thế chấp", en: "Why the collateral changes")
    static let active = Sentence(vi: "Đang hoạt động", en: "Active")
    static let yes = Sentence(vi: "Có", en: "Yes")
    static let no = Sentence(vi: "Không", en: "No")
    static let username = Sentence(vi: "Tên đăng nhập (mặc định: mã viết thường)", en: "Username (default: the code in lower case)")
    static let password = Sentence(
        vi: "Mật khẩu ban đầu (để trống: gửi đường dẫn đặt mật khẩu tới email)",
        en: "Initial password (leave empty to mail a set-password link)"
    )
    static let products = Sentence(vi: "Sản phẩm vé số", en: "Lottery products")
    static let productCode = Sentence(vi: "Mã sản phẩm", en: "Product code")
    static let productName = Sentence(vi: "Tên sản phẩm", en: "Product name")
    static let price = Sentence(vi: "Giá vé (đồng)", en: "Ticket price (VND)")
    static let saveProduct = Sentence(vi: "Lưu sản phẩm", en: "Save the product")
    static let productSaved = Sentence(vi: "Đã lưu sản phẩm.", en: "The product is saved.")
    static let noProducts = Sentence(vi: "Chưa có sản phẩm.", en: "No products yet.")
    static let productHint = Sentence(
        vi: "Nhập mã đã có để đổi tên hoặc giá; giá mới áp dụng cho các lần nhận vé sau.",
        en: "Give an existing code to change its name or price; a new price applies to later allocations."
    )
}
