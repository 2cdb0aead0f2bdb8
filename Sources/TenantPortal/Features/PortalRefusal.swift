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
}

extension PortalRefusal {
    public var retryAfter: Int? { nil }
}

extension PortalError: PortalRefusal {
    public func message(_ language: Language) -> String {
        Catalog.message(reason, language)
    }

    public var retryAfter: Int? {
        if case .tooManySignIns(let seconds) = reason { seconds } else { nil }
    }
}
