import Foundation

/// Splits a migration file into single statements.
///
/// postgres-nio speaks only the extended query protocol, which takes one statement at a time, so a
/// file is cut at each `;` that is outside quotes ('…', E'…', "…"), dollar quotes ($$…$$, $tag$…$tag$)
/// and comments (-- and nested /* */). Comments are dropped.
enum SQLScript {
    static func statements(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0

        func finishStatement() {
            let statement = String(current).trimmingCharacters(in: .whitespacesAndNewlines)
            if !statement.isEmpty { statements.append(statement) }
            current = String.UnicodeScalarView()
        }
        func peek(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "'", "\"":
                let escapes =
                    scalar == "'" && index > 0 && "eE".unicodeScalars.contains(scalars[index - 1])
                    && (index < 2 || !isIdentifierPart(scalars[index - 2]))
                let end = closingQuote(scalars, from: index + 1, quote: scalar, backslashEscapes: escapes)
                current.append(contentsOf: scalars[index..<end])
                index = end
            case "-" where peek(1) == "-":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case "/" where peek(1) == "*":
                index = endOfBlockComment(scalars, from: index)
                current.append(" ")
            case "$" where index == 0 || !isIdentifierPart(scalars[index - 1]):
                if let tagEnd = dollarTagEnd(scalars, from: index) {
                    let tag = Array(scalars[index...tagEnd])
                    let end = endOfDollarQuote(scalars, after: tagEnd + 1, tag: tag)
                    current.append(contentsOf: scalars[index..<end])
                    index = end
                } else {
                    current.append(scalar)
                    index += 1
                }
            case ";":
                finishStatement()
                index += 1
            default:
                current.append(scalar)
                index += 1
            }
        }
        finishStatement()
        return statements
    }

    /// Index just past the closing quote; a doubled quote ('') stays inside the literal.
    private static func closingQuote(
        _ s: [Unicode.Scalar],
        from start: Int,
        quote: Unicode.Scalar,
        backslashEscapes: Bool
    ) -> Int {
        var i = start
        while i < s.count {
            if backslashEscapes, s[i] == "\\" {
                i += 2
                continue
            }
            if s[i] == quote {
                if i + 1 < s.count, s[i + 1] == quote {
                    i += 2
                    continue
                }
                return i + 1
            }
            i += 1
        }
        return s.count
    }

    private static func endOfBlockComment(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < s.count {
            if s[i] == "/", i + 1 < s.count, s[i + 1] == "*" {
                depth += 1
                i += 2
            } else if s[i] == "*", i + 1 < s.count, s[i + 1] == "/" {
                depth -= 1
                i += 2
                if depth == 0 { return i }
            } else {
                i += 1
            }
        }
        return s.count
    }

    /// The index of the `$` closing an opening tag such as `$$` or `$body$`; nil when `$` starts no tag ($1).
    private static func dollarTagEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start + 1
        while i < s.count {
            if s[i] == "$" { return i }
            let isTagScalar = i == start + 1 ? isIdentifierStart(s[i]) : isIdentifierPart(s[i])
            guard isTagScalar else { return nil }
            i += 1
        }
        return nil
    }

    private static func endOfDollarQuote(_ s: [Unicode.Scalar], after start: Int, tag: [Unicode.Scalar]) -> Int {
        var i = start
        while i + tag.count <= s.count {
            if s[i] == "$", Array(s[i..<(i + tag.count)]) == tag { return i + tag.count }
            i += 1
        }
        return s.count
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || ("0"..."9").contains(scalar) || scalar == "$"
    }
}
