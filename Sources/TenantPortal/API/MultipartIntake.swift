import Hummingbird
import NIOCore

/// Reads a `multipart/form-data` body as it arrives, refusing it as soon as it goes past a limit:
/// a file part past the per-file limit is refused when its bytes pass the limit, without reading
/// the rest of the body, and the body never holds more than the per-request limit (every file the
/// ticket limits allow, plus a megabyte of other fields) in memory. A Content-Length over the
/// per-request limit is refused before anything is read.
struct MultipartIntake {
    let limits: AttachmentLimits
    private let delimiter: [UInt8]
    /// Where the search for the next token starts: bytes before it have been looked at.
    private var scanned = 0
    /// Where the current part's data starts; nil while its headers are still being read.
    private var dataStart: Int?
    private var partName: String?
    private var fileName: String?
    private var isFile = false
    /// The text fields (parts without a file name) read whole so far: what a form that is refused
    /// half-way still shows back to its sender.
    private(set) var fields: [String: String] = [:]

    /// Fields that are not files (the `request` part) may take at most this much each.
    static let fieldLimit = 1_048_576

    init(boundary: String, limits: AttachmentLimits) {
        self.limits = limits
        delimiter = Array(("\r\n--" + boundary).utf8)
    }

    var requestLimit: Int { limits.maxBytes * limits.maxFiles + Self.fieldLimit }

    /// The whole body, read chunk by chunk from `chunks`, each chunk checked as it comes.
    mutating func collect<Chunks: AsyncSequence>(_ chunks: Chunks, declaredLength: Int?) async throws -> ByteBuffer
    where Chunks.Element == ByteBuffer {
        if let declaredLength, declaredLength > requestLimit { throw PortalError.uploadTooLarge(limit: limits.maxBytes) }
        var body = ByteBuffer()
        for try await chunk in chunks {
            guard body.readableBytes + chunk.readableBytes <= requestLimit else { throw PortalError.uploadTooLarge(limit: limits.maxBytes) }
            var chunk = chunk
            body.writeBuffer(&chunk)
            try check(body)
        }
        return body
    }

    /// Follows the parts in `body` from where the last look ended; throws when the part being read
    /// is already past its limit.
    private mutating func check(_ body: ByteBuffer) throws(PortalError) {
        let count = body.readableBytes
        while true {
            if let start = dataStart {
                if let end = Self.find(delimiter, in: body, from: scanned) {
                    try refuseIfPast(end - start)
                    if let partName, fileName == nil {
                        fields[partName] = String(
                            decoding: body.readableBytesView[(body.readerIndex + start)..<(body.readerIndex + end)],
                            as: UTF8.self
                        )
                    }
                    dataStart = nil
                    scanned = end + delimiter.count
                    continue
                }
                // All but the last delimiter-length bytes surely belong to this part.
                try refuseIfPast(count - start - delimiter.count + 1)
                scanned = max(start, count - delimiter.count + 1)
                return
            }
            guard let headersEnd = Self.find([13, 10, 13, 10], in: body, from: scanned) else {
                guard count - scanned <= Self.fieldLimit else { throw PortalError.malformedBody }
                return
            }
            let headers = String(decoding: body.readableBytesView[(body.readerIndex + scanned)..<(body.readerIndex + headersEnd)], as: UTF8.self)
            let disposition =
                headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") }
                .map { String($0.dropFirst("content-disposition:".count)) } ?? ""
            let parameters = MultipartUploads.headerParameters(disposition)
            partName = parameters.first { $0.key == "name" }?.value
            isFile = partName == "file"
            fileName = parameters.first { $0.key == "filename" }?.value
            dataStart = headersEnd + 4
            scanned = headersEnd + 4
        }
    }

    private func refuseIfPast(_ size: Int) throws(PortalError) {
        if isFile, size > limits.maxBytes { throw PortalError.fileTooLarge(name: fileName ?? "", limit: limits.maxBytes) }
        if !isFile, size > Self.fieldLimit { throw PortalError.uploadTooLarge(limit: limits.maxBytes) }
    }

    /// Where `needle` first occurs in `body`'s readable bytes at or after `offset`.
    private static func find(_ needle: [UInt8], in body: ByteBuffer, from offset: Int) -> Int? {
        body.withUnsafeReadableBytes { MultipartUploads.find(needle, in: $0, from: offset) }
    }
}
