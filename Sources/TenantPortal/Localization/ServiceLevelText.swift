import ServiceLevels

/// What the timeline and the team lead's mail say about service levels (PRODUCT.md B10).
enum ServiceLevelText {
    static func mark(_ mark: TicketClocks.Mark, raisedTo priority: String?, _ language: Language) -> String {
        let clock =
            switch mark.kind {
            case .response: Sentence(vi: "phản hồi đầu tiên", en: "first response")(language)
            case .resolution: Sentence(vi: "xử lý xong", en: "resolution")(language)
            }
        let raised = priority.map { Sentence(vi: " Mức ưu tiên được nâng lên \($0).", en: " The priority was raised to \($0).")(language) } ?? ""
        let sentence =
            switch mark.status {
            case .breached: Sentence(vi: "Đã quá hạn \(clock).\(raised)", en: "The \(clock) target was missed.\(raised)")
            default:
                Sentence(
                    vi: "Sắp đến hạn \(clock): đã dùng 80% thời gian cho phép.",
                    en: "The \(clock) target is close: 80% of the time allowed is used."
                )
            }
        return sentence(language)
    }
}
