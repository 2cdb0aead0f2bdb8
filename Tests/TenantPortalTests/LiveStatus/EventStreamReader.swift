import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client for an event stream: connects on loopback, sends one GET, and collects
/// what arrives. Plain sockets, because the test client of Hummingbird waits for a whole response
/// and an event stream never ends.
final class EventStreamReader {
    private let socket: Int32
    private(set) var received = ""

    init(port: Int, path: String, headers: [String: String]) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request = (["GET \(path) HTTP/1.1", "Host: 127.0.0.1"] + headers.map { "\($0): \($1)" } + ["", ""]).joined(separator: "\r\n")
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
    }

    deinit { close(socket) }

    /// Reads until `done` holds for everything received so far, or `timeout` passes; returns it all.
    /// It never blocks its thread: with nothing to read it sleeps, so the service under test, whose
    /// handlers run on the same few threads, goes on answering (a blocking read on each of two
    /// tests at once stopped every server in the process for the whole timeout).
    @discardableResult
    func read(until done: (String) -> Bool, timeout: Duration = .seconds(10)) async -> String {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var bytes: [UInt8] = Array(received.utf8)
        while !done(received) && ContinuousClock.now < deadline {
            let count = recv(socket, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 {
                bytes += buffer[0..<count]
                received = String(decoding: bytes, as: UTF8.self)
            } else if count == 0 {
                break
            } else {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        return received
    }
}
