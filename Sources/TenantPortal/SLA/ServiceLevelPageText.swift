/// The business hours and due times settings page (PRODUCT.md B10).
enum ServiceLevelPageText {
    static let calendar = Sentence(vi: "Giờ làm việc", en: "Business hours")
    static let weeklyHours = Sentence(vi: "Giờ làm việc trong tuần", en: "Weekly hours")
    static let weeklyHoursHint = Sentence(
        vi: "Ví dụ: mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00 (ngày: mon tue wed thu fri sat sun; ngày không ghi là ngày nghỉ).",
        en: "For example: mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00 (days: mon tue wed thu fri sat sun; days not named are closed)."
    )
    static let timeZone = Sentence(vi: "Múi giờ", en: "Time zone")
    static func timeZoneHint(_ zone: String, _ language: Language) -> String {
        Sentence(vi: "Để trống để dùng múi giờ của doanh nghiệp (\(zone)).", en: "Leave empty for the business's own time zone (\(zone)).")(language)
    }
    static let holidays = Sentence(vi: "Ngày nghỉ lễ", en: "Holidays")
    static let holidaysHint = Sentence(
        vi: "Mỗi dòng một ngày: YYYY-MM-DD rồi tên, ví dụ 2026-09-02 Quốc khánh.",
        en: "One day per line: YYYY-MM-DD then its name, e.g. 2026-09-02 National Day."
    )
    static let policies = Sentence(vi: "Thời hạn xử lý theo mức ưu tiên", en: "Due times by priority")
    static let policiesHint = Sentence(
        vi:
            "Tính bằng phút trong giờ làm việc (480 phút = 8 giờ làm việc). Nhóm để trống áp dụng cho mọi nhóm; cần đủ bốn mức ưu tiên cho nhóm trống.",
        en:
            "In business minutes (480 = 8 business hours). An empty team applies to every team; each of the four priorities needs one with an empty team."
    )
    static let team = Sentence(vi: "Nhóm", en: "Team")
    static let firstResponse = Sentence(vi: "Phản hồi đầu tiên (phút)", en: "First response (minutes)")
    static let resolution = Sentence(vi: "Xử lý xong (phút)", en: "Resolution (minutes)")
    static let remove = Sentence(vi: "Bỏ", en: "Remove")
    static let newPolicy = Sentence(vi: "Thêm thời hạn (không bắt buộc)", en: "Add a due time (optional)")
    static let saved = Sentence(vi: "Đã lưu giờ làm việc và thời hạn xử lý.", en: "Business hours and due times are saved.")
    static let save = Sentence(vi: "Lưu", en: "Save")
}
