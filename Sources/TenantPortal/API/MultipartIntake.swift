import Hummingbird
import NIOCore

/// Reads a `multipart/form-data` body (RFC 7578) as it arrives and splits it into its parts in the
/// same pass, refusing it as soon as it goes past a limit: a file part past the per-file limit is
/// refused when its bytes pass the limit, without reading the rest of the body, and the body never
/// holds more than the per-request limit (every file the ticket limits allow, plus a megabyte of
/// other fields) in memory. A Content-Length over the per-request limit is refused before anything
/// is read. Delimiters are found with C library scans (`MultipartUploads.find`), so a part of many
/// megabytes costs a memory scan, not a parse byte by byte; parts are slices of the body.
struct MultipartIntake {
    let limits: AttachmentLimits
    /// `--boundary`, as it opens the body; every later delimiter follows a CRLF.
    private let opening: [UInt8]
    private let delimiter: [UInt8]
    private var body = ByteBuffer()
    private var state = State.preamble
    /// Where the search for the next token starts: bytes before it have been looked at.
    private var scanned = 0
    /// The parts read whole so far, as places in `body` (slices are cut at the end: a slice kept
    /// while the body still grows would make every later write copy it).
    private var parts: [(name: String, fileName: String?, range: Range<Int>)] = []

    private enum State {
        case preamble
        /// Just after a delimiter: `--` ends the body, CRLF opens a part's headers.
        case delimited(at: Int)
        case headers(from: Int)
        case data(from: Int, name: String?, fileName: String?)
        case closed
    }

    /// Fields that are not files (the `request` part) may take at most this much each.
    static let fieldLimit = 1_048_576

    init(boundary: String, limits: AttachmentLimits) {
        self.limits = limits
        opening = Array(("--" + boundary).utf8)
        delimiter = Array(("\r\n--" + boundary).utf8)
    }

    var requestLimit: Int { limits.maxBytes * limits.maxFiles + Self.fieldLimit }

    /// The text fields (parts without a file name) read whole so far: what a form that is refused
    /// half-way still shows back to its sender.
    var fields: [String: String] {
        parts.filter { $0.fileName == nil }.reduce(into: [:]) { fields, part in
            fields[part.name] = String(decoding: body.readableBytesView[part.range.shifted(by: body.readerIndex)], as: UTF8.self)
        }
    }

    /// Every part of the body, read chunk by chunk from `chunks`, each chunk checked as it comes.
    mutating func collect<Chunks: AsyncSequence>(_ chunks: Chunks, declaredLength: Int?) async throws -> [MultipartUploads.Part]
    where Chunks.Element == ByteBuffer {
        if let declaredLength, declaredLength > requestLimit { throw PortalError.uploadTooLarge(limit: limits.maxBytes) }
        for try await chunk in chunks {
            guard body.readableBytes + chunk.readableBytes <= requestLimit else { throw PortalError.uploadTooLarge(limit: limits.maxBytes) }
            var chunk = chunk
            body.writeBuffer(&chunk)
            try advance()
        }
        guard case .closed = state else { throw PortalError.malformedBody }
        return parts.map { part in
            MultipartUploads.Part(
                name: part.name,
                fileName: part.fileName,
                data: body.getSlice(at: body.readerIndex + part.range.lowerBound, length: part.range.count) ?? ByteBuffer()
            )
        }
    }

    /// Follows the parts in the body from where the last look ended; throws when the part being
    /// read is already past its limit, or the body is not multipart.
    private mutating func advance() throws(PortalError) {
        let count = body.readableBytes
        while true {
            switch state {
            case .preamble:
                guard let start = find(opening, from: scanned) else {
                    scanned = max(scanned, count - opening.count + 1)
                    try refuseIfPast(count, isFile: false)
                    return
                }
                state = .delimited(at: start + opening.count)
            case .delimited(let cursor):
                guard cursor + 2 <= count else { return }
                let next = body.readableBytesView[(body.readerIndex + cursor)...].prefix(2)
                if next.elementsEqual("--".utf8) {
                    state = .closed
                } else if next.elementsEqual([13, 10]) {
                    state = .headers(from: cursor + 2)
                    scanned = cursor + 2
                } else {
                    throw PortalError.malformedBody
                }
            case .headers(let start):
                guard let end = find([13, 10, 13, 10], from: scanned) else {
                    scanned = max(start, count - 3)
                    try refuseIfPast(count - start, isFile: false)
                    return
                }
                let headers = String(decoding: body.readableBytesView[(body.readerIndex + start)..<(body.readerIndex + end)], as: UTF8.self)
                let disposition =
                    headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-disposition:") }
                    .map { String($0.dropFirst("content-disposition:".count)) } ?? ""
                let parameters = MultipartUploads.headerParameters(disposition)
                state = .data(
                    from: end + 4,
                    name: parameters.first { $0.key == "name" }?.value,
                    fileName: parameters.first { $0.key == "filename" }?.value
                )
                scanned = end + 4
            case .data(let start, let name, let fileName):
                let isFile = name == "file"
                guard let end = find(delimiter, from: scanned) else {
                    // All but the last delimiter-length bytes surely belong to this part.
                    try refuseIfPast(count - start - delimiter.count + 1, isFile: isFile, fileName: fileName)
                    scanned = max(start, count - delimiter.count + 1)
                    return
                }
                try refuseIfPast(end - start, isFile: isFile, fileName: fileName)
                if let name { parts.append((name, fileName, start..<end)) }
                state = .delimited(at: end + delimiter.count)
            case .closed:
                return
            }
        }
    }

    private func refuseIfPast(_ size: Int, isFile: Bool, fileName: String? = nil) throws(PortalError) {
        if isFile, size > limits.maxBytes { throw PortalError.fileTooLarge(name: fileName ?? "", limit: limits.maxBytes) }
        if !isFile, size > Self.fieldLimit { throw PortalError.uploadTooLarge(limit: limits.maxBytes) }
    }

    /// Where `needle` first occurs in the body's readable bytes at or after `offset`.
    private func find(_ needle: [UInt8], from offset: Int) -> Int? {
        body.withUnsafeReadableBytes { MultipartUploads.find(needle, in: $0, from: offset) }
    }
}

extension Range<Int> {
    fileprivate func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
