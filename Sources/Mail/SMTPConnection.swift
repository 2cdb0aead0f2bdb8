import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to the server, turned into "send a line, await its reply" with every wait
/// bounded by the command timeout. Any failure is reported as a transient `MailDeliveryError`
/// naming the step, since a broken connection says nothing about the message itself.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let replies: NIOLoopBound<SMTPReplyHandler>
    private let commandTimeout: Duration
    private let logger: Logger

    static func connect(
        settings: SMTPSettings,
        eventLoopGroup: any EventLoopGroup,
        logger: Logger
    ) async throws(MailDeliveryError) -> SMTPConnection {
        let step = "connect to \(settings.host):\(settings.port)"
        do {
            let (channel, replies) = try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(TimeAmount(settings.connectTimeout))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let replies = SMTPReplyHandler(eventLoop: channel.eventLoop)
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        try channel.pipeline.syncOperations.addHandler(replies)
                        return (channel, NIOLoopBound(replies, eventLoop: channel.eventLoop))
                    }
                }
            logger.debug("SMTP connected", metadata: ["smtp.server": "\(settings.host):\(settings.port)"])
            return SMTPConnection(channel: channel, replies: replies, commandTimeout: settings.commandTimeout, logger: logger)
        } catch {
            throw .transient(.init(step: step, reason: SMTPConnectionFailure.describe(error)))
        }
    }

    /// Sends `command` (CRLF is added; nil only waits, for the greeting) and returns the reply,
    /// whatever its code. `step` names the command in logs and errors, so AUTH lines carrying
    /// credentials are never written anywhere.
    func exchange(_ command: String?, step: String) async throws(MailDeliveryError) -> SMTPReply {
        try await exchange(bytes: command.map { channel.allocator.buffer(string: $0 + "\r\n") }, step: step)
    }

    /// Like `exchange(_:step:)` for bytes that are already framed, such as the message data.
    func exchange(bytes: ByteBuffer?, step: String) async throws(MailDeliveryError) -> SMTPReply {
        let (replies, timeout) = (replies, commandTimeout)
        logger.trace("SMTP >>> \(step)")
        do {
            let reply = try await channel.eventLoop.flatSubmit { replies.value.send(bytes, timeout: timeout) }.get()
            logger.trace("SMTP <<< \(reply)")
            return reply
        } catch {
            throw .transient(.init(step: step, reason: SMTPConnectionFailure.describe(error)))
        }
    }

    /// Puts TLS in front of everything else on the channel, right after the server's `220` to
    /// STARTTLS. The handshake then runs before the next command's bytes leave, and its failure
    /// (an untrusted certificate, a wrong hostname) surfaces as that command's error.
    func startTLS(context: NIOSSLContext, serverHostname: String?) async throws(MailDeliveryError) {
        let (channel, replies) = (channel, replies)
        do {
            try await channel.eventLoop.submit {
                try replies.value.ensureNoUnclaimedReplies()
                let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            }.get()
        } catch {
            throw .transient(.init(step: "STARTTLS", reason: SMTPConnectionFailure.describe(error)))
        }
    }

    func close() async {
        try? await channel.close()
    }
}
