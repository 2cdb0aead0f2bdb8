import Foundation
import Hummingbird
import Mustache
import PGStore

/// Renders the HTML pages from the Mustache templates compiled into the binary. Mustache escapes
/// every `{{value}}`, so text from tenants and users is shown, never run.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// What the file fields' hints promise.
    private let limits: AttachmentLimits
    /// The staff workspace's navigation, from the registered features.
    let navigation: StaffNavigation

    init(library: MustacheLibrary, limits: AttachmentLimits, navigation: StaffNavigation) {
        self.library = library
        self.limits = limits
        self.navigation = navigation
    }

    /// The values of `file-picker.mustache`: the field's id, label and the limits as a hint.
    func filePicker(id: String, error: String? = nil, _ language: Language) -> [String: Any] {
        [
            "fileId": id, "attachLabel": NewRequestText.files(language), "filesError": error as Any,
            "attachHint": NewRequestText.filesHint(maxBytes: limits.maxBytes, maxFiles: limits.maxFiles, language),
        ]
    }

    func notice(_ notice: Catalog.Notice, language: Language, status: HTTPResponse.Status) -> Response {
        render("notice", ["title": notice.title(language), "message": notice.message(language)], language: language, status: status)
    }

    /// `values` without the optionals that are nil, at every depth: Mustache would print a nil
    /// stored as `Any` as the text "nil" instead of treating it as missing.
    static func droppingNils(_ values: [String: Any]) -> [String: Any] {
        func clean(_ value: Any) -> Any? {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return nil }
                return clean(wrapped)
            }
            if let dictionary = value as? [String: Any] { return droppingNils(dictionary) }
            if let array = value as? [Any] { return array.compactMap(clean) }
            return value
        }
        return values.compactMapValues(clean)
    }

    /// A staff page: the workspace's shell for `section` (navigation, search, the member), then
    /// the page's own `values` over it.
    func renderStaff(
        _ template: String,
        section: StaffSection,
        _ values: [String: Any],
        member: Principal,
        tenant: Tenant,
        language: Language,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        render(
            template,
            navigation.frame(section, member: member, tenant: tenant, language: language).merging(values) { $1 },
            language: language,
            status: status
        )
    }

    /// `keeping`: query text the language switch must carry over (it reloads the same page).
    func render(_ template: String, _ values: [String: Any], language: Language, status: HTTPResponse.Status, keeping: String = "") -> Response {
        let other = language == .vi ? Language.en : .vi
        var values = Self.droppingNils(values)
        values["lang"] = language.rawValue
        values["otherLang"] = other.rawValue
        values["switchHref"] = "?\(keeping)lang=\(other.rawValue)"
        values["switchLanguage"] = Catalog.switchLanguage(language)
        values["skipLabel"] = Catalog.skipToContent(language)
        let html = library.render(values, withTemplate: template) ?? ""
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}
