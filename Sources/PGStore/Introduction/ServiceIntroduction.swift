/// What a tenant tells its customers about the service (PRODUCT.md B1): how it is delivered, its
/// scope and its hours in Vietnamese and English, and where to reach the business.
public struct ServiceIntroduction: Sendable, Equatable {
    /// The three texts in one language; empty when not written.
    public struct Texts: Sendable, Equatable {
        public var delivery: String
        public var scope: String
        public var hours: String

        public init(delivery: String = "", scope: String = "", hours: String = "") {
            self.delivery = delivery
            self.scope = scope
            self.hours = hours
        }

        public var isEmpty: Bool { delivery.isEmpty && scope.isEmpty && hours.isEmpty }
    }

    public var vi: Texts
    public var en: Texts
    public var hotline: String
    public var email: String
    /// The Zalo Official Account: its name, ID or `https://zalo.me/...` address.
    public var zaloOA: String
    public var website: String

    public init(vi: Texts = .init(), en: Texts = .init(), hotline: String = "", email: String = "", zaloOA: String = "", website: String = "") {
        self.vi = vi
        self.en = en
        self.hotline = hotline
        self.email = email
        self.zaloOA = zaloOA
        self.website = website
    }

    public var hasChannels: Bool { !(hotline.isEmpty && email.isEmpty && zaloOA.isEmpty && website.isEmpty) }
    public var isEmpty: Bool { vi.isEmpty && en.isEmpty && !hasChannels }
}
