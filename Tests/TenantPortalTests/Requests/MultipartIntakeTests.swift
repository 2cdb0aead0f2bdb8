import NIOCore
import Synchronization
import Testing

@testable import TenantPortal

/// Uploads are refused early: a file past its limit is refused while its bytes arrive, without
/// reading the rest of the body.
@Suite("Reading uploads as they arrive")
struct MultipartIntakeTests {
    /// A body sent in chunks, counting how many were asked for.
    final class Chunks: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let chunks: [ByteBuffer]
        let pulled: Mutex<Int>

        init(chunks: [ByteBuffer], pulled: consuming Mutex<Int>) {
            self.chunks = chunks
            self.pulled = pulled
        }

        struct AsyncIterator: AsyncIteratorProtocol {
            let source: Chunks
            mutating func next() async -> ByteBuffer? {
                let index = source.pulled.withLock { count -> Int in
                    count += 1
                    return count - 1
                }
                return index < source.chunks.count ? source.chunks[index] : nil
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(source: self) }
    }

    static let boundary = "ranh-gioi-42"
    static let limits = AttachmentLimits(maxBytes: 10_000, maxFiles: 3)

    /// A body of a `request` field and one file of `size` bytes, then `trailing` more bytes of a
    /// second file, cut into chunks of 1,000 bytes.
    static func body(fileSize size: Int, trailing: Int = 0) -> [ByteBuffer] {
        var text = "--\(boundary)\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n{\"title\":\"Máy in\"}\r\n"
        text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hoa-don.pdf\"\r\n"
        text += "Content-Type: application/pdf\r\n\r\n" + String(repeating: "x", count: size) + "\r\n"
        if trailing > 0 {
            text +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.pdf\"\r\n\r\n" + String(repeating: "y", count: trailing)
                + "\r\n"
        }
        text += "--\(boundary)--\r\n"
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: 1000).map { ByteBuffer(bytes: bytes[$0..<min($0 + 1000, bytes.count)]) }
    }

    @Test("a body within the limits is read whole and splits into its parts")
    func withinLimits() async throws {
        let chunks = Chunks(chunks: Self.body(fileSize: 9_000), pulled: Mutex(0))
        var intake = MultipartIntake(boundary: Self.boundary, limits: Self.limits)
        let parts = try await intake.collect(chunks, declaredLength: nil)
        #expect(parts.map(\.name) == ["request", "file"])
        #expect(parts[1].data.readableBytes == 9_000)
    }

    @Test("a file past its limit is refused as its bytes pass it, and the rest of the body is never read")
    func fileRefusedEarly() async throws {
        let all = Self.body(fileSize: 50_000, trailing: 20_000)
        let chunks = Chunks(chunks: all, pulled: Mutex(0))
        var intake = MultipartIntake(boundary: Self.boundary, limits: Self.limits)
        await #expect(throws: PortalError.fileTooLarge(name: "hoa-don.pdf", limit: 10_000)) {
            _ = try await intake.collect(chunks, declaredLength: nil)
        }
        // The field sent before the file is kept, for the form to show back.
        #expect(intake.fields == ["request": "{\"title\":\"Máy in\"}"])
        // About 10 kB of the file and the headers before it: 12 of the body's 71 chunks.
        let pulled = chunks.pulled.withLock { $0 }
        #expect(pulled <= 13 && pulled < all.count / 4)
    }

    @Test("a declared length over the request's limit is refused before anything is read")
    func declaredLengthRefused() async throws {
        let chunks = Chunks(chunks: Self.body(fileSize: 100), pulled: Mutex(0))
        var intake = MultipartIntake(boundary: Self.boundary, limits: Self.limits)
        await #expect(throws: PortalError.uploadTooLarge(limit: 10_000)) {
            _ = try await intake.collect(chunks, declaredLength: intake.requestLimit + 1)
        }
        #expect(chunks.pulled.withLock { $0 } == 0)
    }
}
