/// The business hours and due times settings page (PRODUCT.md B10).
enum ServiceLevelPageText {
    static func calendar(_ language: Language) -> String { language == .vi ? "Giờ làm việc" : "Business hours" }
    static func weeklyHours(_ language: Language) -> String { language == .vi ? "Giờ làm việc trong tuần" : "Weekly hours" }
    static func weeklyHoursHint(_ language: Language) -> String {
        language == .vi
            ? "Ví dụ: mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00 (ngày: mon tue wed thu fri sat sun; ngày không ghi là ngày nghỉ)."
            : "For example: mon-fri 08:00-12:00,13:30-17:30; sat 08:00-12:00 (days: mon tue wed thu fri sat sun; days not named are closed)."
    }
    static func timeZone(_ language: Language) -> String { language == .vi ? "Múi giờ" : "Time zone" }
    static func timeZoneHint(_ zone: String, _ language: Language) -> String {
        language == .vi ? "Để trống để dùng múi giờ của doanh nghiệp (\(zone))." : "Leave empty for the business's own time zone (\(zone))."
    }
    static func holidays(_ language: Language) -> String { language == .vi ? "Ngày nghỉ lễ" : "Holidays" }
    static func holidaysHint(_ language: Language) -> String {
        language == .vi
            ? "Mỗi dòng một ngày: YYYY-MM-DD rồi tên, ví dụ 2026-09-02 Quốc khánh."
            : "One day per line: YYYY-MM-DD then its name, e.g. 2026-09-02 National Day."
    }
    static func policies(_ language: Language) -> String { language == .vi ? "Thời hạn xử lý theo mức ưu tiên" : "Due times by priority" }
    static func policiesHint(_ language: Language) -> String {
        language == .vi
            ? "Tính bằng phút trong giờ làm việc (480 phút = 8 giờ làm việc). Nhóm để trống áp dụng cho mọi nhóm; cần đủ bốn mức ưu tiên cho nhóm trống."
            : "In business minutes (480 = 8 business hours). An empty team applies to every team; each of the four priorities needs one with an empty team."
    }
    static func team(_ language: Language) -> String { language == .vi ? "Nhóm" : "Team" }
    static func firstResponse(_ language: Language) -> String { language == .vi ? "Phản hồi đầu tiên (phút)" : "First response (minutes)" }
    static func resolution(_ language: Language) -> String { language == .vi ? "Xử lý xong (phút)" : "Resolution (minutes)" }
    static func remove(_ language: Language) -> String { language == .vi ? "Bỏ" : "Remove" }
    static func newPolicy(_ language: Language) -> String { language == .vi ? "Thêm thời hạn (không bắt buộc)" : "Add a due time (optional)" }
    static func saved(_ language: Language) -> String {
        language == .vi ? "Đã lưu giờ làm việc và thời hạn xử lý." : "Business hours and due times are saved."
    }
    static func save(_ language: Language) -> String { language == .vi ? "Lưu" : "Save" }
}
