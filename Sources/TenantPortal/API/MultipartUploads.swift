import Foundation
import MultipartKit
import NIOCore

/// Reads the `file` parts of a `multipart/form-data` body.
enum MultipartUploads {
    /// The boundary of a `multipart/form-data; boundary=...` content type.
    static func boundary(in contentType: String) -> String? {
        let parameters = headerParameters(contentType)
        guard parameters.first?.key.lowercased() == "multipart/form-data" else { return nil }
        return parameters.first { $0.key.lowercased() == "boundary" }?.value
    }

    static func files(in body: ByteBuffer, boundary: String) throws -> [(fileName: String?, data: ByteBuffer)] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [(disposition: String, data: ByteBuffer)] = []
        var disposition = ""
        var data = ByteBuffer()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { chunk in data.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append((disposition, data))
            disposition = ""
            data = ByteBuffer()
        }
        try parser.execute(body)
        return parts.compactMap { part in
            let parameters = headerParameters(part.disposition)
            guard parameters.first { $0.key == "name" }?.value == "file" else { return nil }
            return (parameters.first { $0.key == "filename" }?.value, part.data)
        }
    }

    /// `value; key="quoted; value"; other=x` as [(value, ""), ("key", "quoted; value"), ("other", "x")].
    static func headerParameters(_ header: String) -> [(key: String, value: String)] {
        var items: [(key: String, value: String)] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in header + ";" {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                let piece = current.trimmingCharacters(in: .whitespaces)
                if let equals = piece.firstIndex(of: "="), !items.isEmpty {
                    items.append((String(piece[..<equals]).trimmingCharacters(in: .whitespaces).lowercased(),
                                  String(piece[piece.index(after: equals)...]).trimmingCharacters(in: .whitespaces)))
                } else {
                    items.append((piece, ""))
                }
                current = ""
            } else {
                current.append(character)
            }
        }
        return items
    }
}
