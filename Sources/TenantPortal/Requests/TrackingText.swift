/// The public tracking page's sentences (PRODUCT.md B6).
enum TrackingText {
    static let heading = Sentence(vi: "Tra cứu yêu cầu", en: "Track a request")

    static let intro = Sentence(
        vi: "Nhập mã yêu cầu và 4 chữ số cuối số điện thoại liên hệ để xem yêu cầu đang ở bước nào.",
        en: "Enter the request code and the last 4 digits of the contact phone number to see where it stands."
    )

    static let code = Sentence(vi: "Mã yêu cầu", en: "Request code")
    static let phone = Sentence(vi: "4 số cuối điện thoại", en: "Last 4 phone digits")
    static let submit = Sentence(vi: "Tra cứu", en: "Track")
    static let current = Sentence(vi: "Trạng thái hiện tại", en: "Current status")
    static let updated = Sentence(vi: "Cập nhật lúc", en: "Last updated")

    static let notFound = Sentence(vi: "Không có yêu cầu nào khớp với mã và số điện thoại này.", en: "No request matches this code and phone number.")
}
