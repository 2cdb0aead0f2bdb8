import NIOCore
import NIOPosix

/// A TCP listener on 127.0.0.1 that accepts connections and never says anything, for the cases an
/// SMTP server cannot be asked to produce: no greeting at all, and (once closed) nothing listening.
struct SilentServer {
    let port: Int
    private let channel: any Channel

    static func run<T>(isolation: isolated (any Actor)? = #isolation, _ body: (SilentServer) async throws -> T) async throws -> T {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let server = SilentServer(port: channel.localAddress!.port!, channel: channel)
        do {
            let result = try await body(server)
            try await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// A port that was free a moment ago and has no listener now.
    static func unusedPort() async throws -> Int {
        try await run { $0.port }
    }
}
