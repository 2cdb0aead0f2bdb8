import Hummingbird
import Mustache
import PGStore

/// Renders the HTML pages from the Mustache templates compiled into the binary. Mustache escapes
/// every `{{value}}`, so text from tenants and users is shown, never run.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (path, text) in EmbeddedFiles.all where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            try library.register(text, named: name)
        }
        self.library = library
    }

    func landing(tenant: Tenant, language: Language) -> Response {
        render(
            "landing",
            [
                "title": tenant.displayName,
                "welcome": Catalog.welcome(tenant.displayName, language),
            ],
            language: language,
            status: .ok
        )
    }

    func notice(_ notice: Catalog.Notice, language: Language, status: HTTPResponse.Status) -> Response {
        render("notice", ["title": notice.title(language), "message": notice.message(language)], language: language, status: status)
    }

    private func render(_ template: String, _ values: [String: String], language: Language, status: HTTPResponse.Status) -> Response {
        let other = language == .vi ? Language.en : .vi
        var values = values
        values["lang"] = language.rawValue
        values["otherLang"] = other.rawValue
        values["switchLanguage"] = Catalog.switchLanguage(language)
        let html = library.render(values, withTemplate: template) ?? ""
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.rawValue],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }
}
