import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Reads `multipart/form-data` bodies: the `file` parts of an upload, and the `request` part that
/// files a ticket together with its files.
enum MultipartUploads {
    struct Part {
        var name: String
        var fileName: String?
        var data: ByteBuffer
    }

    /// The parts of a `multipart/form-data` request, or nil when the body is something else. The body
    /// may hold every file the ticket limits allow plus a megabyte of other fields.
    static func parts(of request: Request, limits: AttachmentLimits) async throws -> [Part]? {
        guard let boundary = request.headers[.contentType].flatMap(Self.boundary) else { return nil }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limits.maxBytes * limits.maxFiles + 1_048_576)
        } catch {
            throw PortalError.uploadTooLarge(limit: limits.maxBytes)
        }
        do {
            return try parts(in: body, boundary: boundary)
        } catch {
            throw PortalError.malformedBody
        }
    }

    /// The `file` parts, as an upload hands them to the request desk.
    static func files(_ parts: [Part]) -> [(fileName: String?, data: ByteBuffer)] {
        parts.filter { $0.name == "file" }.map { ($0.fileName, $0.data) }
    }

    /// The boundary of a `multipart/form-data; boundary=...` content type.
    static func boundary(in contentType: String) -> String? {
        let parameters = headerParameters(contentType)
        guard parameters.first?.key.lowercased() == "multipart/form-data" else { return nil }
        return parameters.first { $0.key.lowercased() == "boundary" }?.value
    }

    static func parts(in body: ByteBuffer, boundary: String) throws -> [Part] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var disposition = ""
        var data = ByteBuffer()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { chunk in data.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let parameters = headerParameters(disposition)
            if let name = parameters.first(where: { $0.key == "name" })?.value {
                parts.append(Part(name: name, fileName: parameters.first { $0.key == "filename" }?.value, data: data))
            }
            disposition = ""
            data = ByteBuffer()
        }
        try parser.execute(body)
        return parts
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
