import Mustache
import PGStore

extension MustacheLibrary {
    /// Every template compiled into the binary (`templates/**/*.mustache`), named by its path
    /// under `templates/` without the extension: `notice`, `access/landing`. A feature keeps its
    /// templates in a folder of its own; the shared frame and partials (`page`, `field`,
    /// `file-picker`, `staff-header`, `notice`) lie at the top.
    static func embedded() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (path, text) in EmbeddedFiles.all where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            try library.register(text, named: name)
        }
        return library
    }
}
