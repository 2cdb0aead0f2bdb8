import NIOCore

/// Frames the byte stream into complete replies, so the layer above never sees half of a
/// multi-line reply (`250-first`, `250-second`, `250 last`).
///
/// Line length and line count are bounded so a broken or hostile server cannot make the client
/// buffer without limit.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// RFC 5321 allows 512 octets per reply line; the margin is for chatty servers.
    static let maximumLineLength = 4096
    static let maximumLineCount = 512

    /// Why the server's bytes are not an SMTP reply.
    struct MalformedReply: Error, CustomStringConvertible {
        let description: String
    }

    private var code: Int?
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let lineLength = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")).map { $0 - buffer.readerIndex + 1 }
        guard (lineLength ?? buffer.readableBytes) <= Self.maximumLineLength else {
            throw MalformedReply(description: "reply line longer than \(Self.maximumLineLength) bytes")
        }
        guard let lineLength else { return .needMoreData }
        var bytes = buffer.readBytes(length: lineLength)!.dropLast()
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        let utf8 = Array(line.utf8)
        guard utf8.count >= 3, utf8[0..<3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            utf8.count == 3 || utf8[3] == UInt8(ascii: " ") || utf8[3] == UInt8(ascii: "-"),
            let code = Int(String(line.prefix(3))), self.code == nil || self.code == code
        else {
            throw MalformedReply(description: "not an SMTP reply line: \(String(reflecting: String(line.prefix(100))))")
        }
        lines.append(String(line.dropFirst(4)))
        if utf8.count > 3, utf8[3] == UInt8(ascii: "-") {
            guard lines.count < Self.maximumLineCount else {
                throw MalformedReply(description: "reply with more than \(Self.maximumLineCount) lines")
            }
            self.code = code
            return .continue
        }
        context.fireChannelRead(Self.wrapInboundOut(SMTPReply(code: code, lines: lines)))
        self.code = nil
        lines = []
        return .continue
    }

    /// A reply cut off by the connection closing is dropped; whoever waits for it learns that the
    /// connection closed.
    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
