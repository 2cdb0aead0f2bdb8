import ServiceLevels

/// What the timeline and the team lead's mail say about service levels (PRODUCT.md B10).
enum ServiceLevelText {
    static func mark(_ mark: TicketClocks.Mark, raisedTo priority: String?, _ language: Language) -> String {
        let clock =
            switch (mark.kind, language) {
            case (.response, .vi): "phản hồi đầu tiên"
            case (.response, .en): "first response"
            case (.resolution, .vi): "xử lý xong"
            case (.resolution, .en): "resolution"
            }
        let raised = priority.map { language == .vi ? " Mức ưu tiên được nâng lên \($0)." : " The priority was raised to \($0)." } ?? ""
        switch (mark.status, language) {
        case (.breached, .vi): return "Đã quá hạn \(clock).\(raised)"
        case (.breached, .en): return "The \(clock) target was missed.\(raised)"
        case (_, .vi): return "Sắp đến hạn \(clock): đã dùng 80% thời gian cho phép."
        case (_, .en): return "The \(clock) target is close: 80% of the time allowed is used."
        }
    }
}
