import HTTPTypes

/// A refusal the user is told about, in the spirit of Hummingbird's `HTTPResponseError`: an HTTP
/// status, a stable machine code, the field at fault if any, and the message in the user's
/// language. A feature keeps its own refusals beside its code (`PortalError` holds the shared
/// engine's); the API answers any of them as its JSON error (`APIErrorMiddleware`) and the pages as
/// a notice page (`PageRefusalMiddleware`).
public protocol PortalRefusal: Error, Sendable {
    var status: HTTPResponse.Status { get }
    var code: String { get }
    var field: String? { get }
    /// Seconds to wait before asking again (429), sent as `Retry-After`.
    var retryAfter: Int? { get }
    func message(_ language: Language) -> String
    /// Each thing wrong, when a refusal has several (every bad row of an imported file), in order.
    func details(_ language: Language) -> [RefusalDetail]
}

/// One of several things a refusal found wrong: where (a file's line and column) and why.
public struct RefusalDetail: Encodable, Sendable, Equatable {
    public var line: Int?
    public var column: String?
    public var message: String
}

extension PortalRefusal {
    public var retryAfter: Int? { nil }
    public func details(_ language: Language) -> [RefusalDetail] { [] }

    /// In English, naming the field: what an operator's command prints.
    public var description: String {
        (field.map { "\($0): " } ?? "") + message(.en)
    }
}

extension PortalError: PortalRefusal {
    public func message(_ language: Language) -> String {
        Catalog.message(reason, language)
    }

    public var retryAfter: Int? {
        if case .tooManySignIns(let seconds) = reason { seconds } else { nil }
    }
}
