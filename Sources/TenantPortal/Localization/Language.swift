import Foundation
import Hummingbird
import PGStore

/// The two languages every page speaks.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// Foundation's locale for dates in this language.
    var localeIdentifier: String {
        switch self {
        case .vi: "vi_VN"
        case .en: "en_GB"
        }
    }

    /// The cookie a page visitor's choice of language is remembered in.
    static let cookieName = "portal_lang"

    /// `?lang=` when given, else the language remembered in the cookie, else the first supported
    /// language in `Accept-Language`, else `fallback` (the tenant's own language).
    static func negotiate(request: Request, fallback: Language) -> Language {
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) {
            return asked
        }
        if let remembered = request.cookies[cookieName].flatMap({ Language(rawValue: $0.value) }) {
            return remembered
        }
        let accepted = request.headers[.acceptLanguage] ?? ""
        for range in accepted.split(separator: ",") {
            let tag = range.split(separator: ";").first?.trimmed.lowercased() ?? ""
            if let language = Language(rawValue: String(tag.prefix(2))) { return language }
        }
        return fallback
    }
}

extension Tenant {
    var language: Language { Language(rawValue: locale.rawValue) ?? .vi }
}
