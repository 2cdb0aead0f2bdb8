/// One sentence the portal says, written once with both its halves side by side, so neither
/// language can be forgotten: `Sentence(vi: "Đăng nhập", en: "Sign in")`. A fixed sentence is a
/// `static let`; one that takes values is a function that builds it from them. Called with a
/// language, it gives that half. `SentenceTests` reads every sentence in the sources and fails on
/// an empty or untranslated half.
struct Sentence: Sendable, Hashable {
    let vi: String
    let en: String

    func callAsFunction(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}
