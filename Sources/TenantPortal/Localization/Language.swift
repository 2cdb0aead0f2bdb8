import Foundation
import Hummingbird
import PGStore

/// The two languages every page speaks.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// `?lang=` when given, else the first supported language in `Accept-Language`, else `fallback`
    /// (the tenant's own language).
    static func negotiate(request: Request, fallback: Language) -> Language {
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) {
            return asked
        }
        let accepted = request.headers[.acceptLanguage] ?? ""
        for range in accepted.split(separator: ",") {
            let tag = range.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if let language = Language(rawValue: String(tag.prefix(2))) { return language }
        }
        return fallback
    }
}

extension Tenant {
    var language: Language { Language(rawValue: locale.rawValue) ?? .vi }
}
