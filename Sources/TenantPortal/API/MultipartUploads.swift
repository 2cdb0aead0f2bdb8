import Foundation
import Hummingbird
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads `multipart/form-data` bodies: the `file` parts of an upload, and the `request` part that
/// files a ticket together with its files.
enum MultipartUploads {
    struct Part {
        var name: String
        var fileName: String?
        var data: ByteBuffer
    }

    /// The parts of a `multipart/form-data` request, or nil when the body is something else. The body
    /// is read as it arrives and refused as soon as a part passes its limit (`MultipartIntake`).
    static func parts(of request: Request, limits: AttachmentLimits) async throws -> [Part]? {
        var fieldsRead: [String: String] = [:]
        return try await parts(of: request, limits: limits, fieldsRead: &fieldsRead)
    }

    /// The same, and when the body is refused half-way, the text fields read whole before that
    /// (a form shows them back to its sender) in `fieldsRead`.
    static func parts(of request: Request, limits: AttachmentLimits, fieldsRead: inout [String: String]) async throws -> [Part]? {
        guard let boundary = request.headers[.contentType].flatMap(Self.boundary) else { return nil }
        var intake = MultipartIntake(boundary: boundary, limits: limits)
        do {
            return try await intake.collect(request.body, declaredLength: request.headers[.contentLength].flatMap { Int($0) })
        } catch {
            fieldsRead = intake.fields
            throw error
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

    /// Where `needle` first occurs in `bytes` at or after `offset`: `memchr` jumps to each candidate
    /// first byte and `memcmp` checks the rest, both C library scans (glibc's `memmem` is not
    /// visible to Swift).
    static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from offset: Int) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        var position = offset
        while position + needle.count <= bytes.count {
            guard let hit = memchr(base + position, Int32(first), bytes.count - position - needle.count + 1) else { return nil }
            let index = base.distance(to: UnsafeRawPointer(hit))
            if needle.withUnsafeBytes({ memcmp(base + index, $0.baseAddress!, needle.count) }) == 0 { return index }
            position = index + 1
        }
        return nil
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
                let piece = current.trimmed
                if let equals = piece.firstIndex(of: "="), !items.isEmpty {
                    items.append(
                        (
                            piece[..<equals].trimmed.lowercased(),
                            piece[piece.index(after: equals)...].trimmed
                        )
                    )
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
