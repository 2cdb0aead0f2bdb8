import Foundation
import Testing

@testable import TenantPortal

/// Every sentence the portal says is a `Sentence(vi:en:)` in the sources. These tests read the
/// sources, find each one (fixed or built from values), and fail on a half that is empty, the
/// same as the other half, or Vietnamese in the English slot; and on a sentence written any
/// other way, where a missing half could hide.
@Suite("Sentences")
struct SentenceTests {
    /// English halves that are Vietnamese on purpose: the language switch names Vietnamese in
    /// Vietnamese.
    static let vietnameseInEnglish: Set<String> = ["Tiếng Việt"]

    static let vietnameseLetters = Set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")

    static let sources: [(file: String, text: String)] = {
        let root = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../../Sources/TenantPortal").standardized
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "swift" }.compactMap { url in
            (try? String(contentsOf: url, encoding: .utf8)).map { (url.lastPathComponent, $0) }
        }
    }()

    @Test("every sentence has both halves, each in its own language")
    func everySentenceIsTranslated() throws {
        var found = 0
        for (file, text) in Self.sources {
            for sentence in try SwiftSentences.find(in: text) {
                found += 1
                let (vi, en) = (sentence.vi.trimmingCharacters(in: .whitespaces), sentence.en.trimmingCharacters(in: .whitespaces))
                #expect(!vi.isEmpty && !en.isEmpty, "\(file): a half is empty: vi \"\(vi)\", en \"\(en)\"")
                #expect(vi != en, "\(file): not translated: \"\(vi)\"")
                let vietnamese = !Set(en.lowercased()).isDisjoint(with: Self.vietnameseLetters)
                #expect(!vietnamese || Self.vietnameseInEnglish.contains(en), "\(file): Vietnamese in the English half: \"\(en)\"")
            }
        }
        // The walk itself must work: the sources hold a few hundred sentences.
        #expect(found > 250)
    }

    @Test("no sentence is written outside `Sentence`: no language ternaries or switches over text")
    func oneBilingualForm() {
        for (file, text) in Self.sources where file != "Sentence.swift" {
            #expect(!text.contains("language == .vi ? \""), "\(file) picks a text by language outside Sentence")
            #expect(!text.contains(", .vi): \""), "\(file) switches over a language to pick a text")
        }
    }

    @Test("the staff sections of every feature are named in both languages")
    func staffSections() {
        for section in PortalFeatures.navigation(of: PortalFeatures.all).sections {
            #expect(!section.name.vi.isEmpty && !section.name.en.isEmpty && section.name.vi != section.name.en, "\(section.path)")
        }
    }

    @Test("the reader finds what a sentence says, interpolations and escapes included, and refuses a broken one")
    func reader() throws {
        let text = #"""
            static let a = Sentence(vi: "Xin chào", en: "Hello")
            static func b(_ n: Int) -> Sentence { Sentence(vi: "Còn \(n > 1 ? "nhiều" : "một") \"phiếu\"", en: "") }
            static func c(_ r: String) -> Sentence { Sentence(vi: r, en: r) }
            """#
        let found = try SwiftSentences.find(in: text)
        #expect(found.map(\.vi) == ["Xin chào", #"Còn \(n > 1 ? "nhiều" : "một") \"phiếu\""#])
        #expect(found.map(\.en) == ["Hello", ""])
        #expect(throws: SwiftSentences.Unreadable.self) { try SwiftSentences.find(in: #"Sentence(vi: "mở"#) }
    }
}

/// Finds `Sentence(vi: "...", en: "...")` in Swift source: the text of both literal halves as
/// written (interpolations kept). A sentence made of values rather than literals
/// (`Sentence(vi: reason, en: reason)`) passes along text that is already translated, and is
/// skipped.
enum SwiftSentences {
    struct Unreadable: Error {}

    static func find(in text: String) throws -> [(vi: String, en: String)] {
        let characters = Array(text)
        var found: [(vi: String, en: String)] = []
        var index = 0
        let opening = Array("Sentence(")
        while index + opening.count <= characters.count {
            guard Array(characters[index..<index + opening.count]) == opening else {
                index += 1
                continue
            }
            var cursor = skipSpaces(characters, index + opening.count)
            index += opening.count
            guard take("vi:", characters, &cursor) else { continue }
            cursor = skipSpaces(characters, cursor)
            guard cursor < characters.count, characters[cursor] == "\"" else { continue }
            let vi = try literal(characters, &cursor)
            cursor = skipSpaces(characters, cursor)
            guard take(",", characters, &cursor) else { throw Unreadable() }
            cursor = skipSpaces(characters, cursor)
            guard take("en:", characters, &cursor) else { throw Unreadable() }
            cursor = skipSpaces(characters, cursor)
            guard cursor < characters.count, characters[cursor] == "\"" else { throw Unreadable() }
            let en = try literal(characters, &cursor)
            found.append((vi, en))
            index = cursor
        }
        return found
    }

    private static func skipSpaces(_ characters: [Character], _ start: Int) -> Int {
        var index = start
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        return index
    }

    private static func take(_ word: String, _ characters: [Character], _ cursor: inout Int) -> Bool {
        let word = Array(word)
        guard cursor + word.count <= characters.count, Array(characters[cursor..<cursor + word.count]) == word else { return false }
        cursor += word.count
        return true
    }

    /// The text of the one-line string literal at `cursor` (its opening quote), moving past it.
    private static func literal(_ characters: [Character], _ cursor: inout Int) throws -> String {
        let start = cursor + 1
        var index = start
        while index < characters.count {
            switch characters[index] {
            case "\\" where index + 1 < characters.count && characters[index + 1] == "(":
                index = try interpolationEnd(characters, index + 2)
            case "\\":
                index += 2
            case "\"":
                cursor = index + 1
                return String(characters[start..<index])
            case "\n":
                throw Unreadable()
            default:
                index += 1
            }
        }
        throw Unreadable()
    }

    /// Past the `)` closing an interpolation whose contents start at `start`; string literals inside
    /// may hold parentheses of their own.
    private static func interpolationEnd(_ characters: [Character], _ start: Int) throws -> Int {
        var depth = 1
        var index = start
        while index < characters.count {
            switch characters[index] {
            case "\"":
                var cursor = index
                _ = try literal(characters, &cursor)
                index = cursor
                continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        throw Unreadable()
    }
}
