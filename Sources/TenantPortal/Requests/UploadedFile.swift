import Foundation
import NIOCore

/// A file as uploaded, recognised by its first bytes, never by its name or declared type
/// (PRODUCT.md B5): a script named `photo.png` is refused.
struct UploadedFile: Sendable {
    var fileName: String
    var contentType: String
    var data: ByteBuffer

    /// Signatures of the accepted kinds: JPEG, PNG, GIF, WebP, PDF.
    static func sniff(_ data: ByteBuffer) -> String? {
        let head = data.getBytes(at: data.readerIndex, length: min(12, data.readableBytes)) ?? []
        func starts(_ prefix: [UInt8]) -> Bool { head.starts(with: prefix) }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)), head.count >= 12, Array(head[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        return nil
    }

    /// The name without any folder part or control characters, at most 200 characters.
    static func cleanName(_ raw: String?) -> String {
        let base = (raw ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let printable = String(base.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\"" })
            .trimmed
        return printable.isEmpty ? "file" : String(printable.prefix(200))
    }
}

/// How much may be attached: per file and per ticket (ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES).
public struct AttachmentLimits: Sendable, Equatable {
    public var maxBytes: Int
    public var maxFiles: Int

    public init(maxBytes: Int = 10 * 1024 * 1024, maxFiles: Int = 10) {
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
    }
}
