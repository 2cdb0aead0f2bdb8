import Mustache
import PGStore

extension MustacheLibrary {
    /// Every template compiled into the binary (`templates/**/*.mustache`), named by its path
    /// without the folder and extension: `landing`, `mail/letter`.
    static func embedded() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (path, text) in EmbeddedFiles.all where path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            try library.register(text, named: name)
        }
        return library
    }
}
