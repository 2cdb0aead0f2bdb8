import NIOCore

/// Hands decoded replies to whoever waits for one, one command at a time, with a deadline.
///
/// SMTP without PIPELINING is strictly "send a command, read its reply", so one pending waiter is
/// all that is needed. The first failure (timeout, close, TLS or decoding error) is remembered and
/// the channel closed: after a timeout a late reply could be mistaken for the next command's, so
/// a connection is never reused once anything went wrong. All state lives on the event loop.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundOut = ByteBuffer

    private let eventLoop: any EventLoop
    private var context: ChannelHandlerContext?
    private var unclaimed: [SMTPReply] = []
    private var waiter: (promise: EventLoopPromise<SMTPReply>, deadline: Scheduled<Void>)?
    private var failure: SMTPConnectionFailure?

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Writes `command` (nil: only wait, as for the greeting) and returns its reply, failing after
    /// `timeout` or when the connection fails first.
    func send(_ command: ByteBuffer?, timeout: Duration) -> EventLoopFuture<SMTPReply> {
        if let command {
            if let unexpected = unclaimed.first { fail(.unexpectedReply(unexpected)) }
            if failure == nil { context?.writeAndFlush(wrapOutboundOut(command), promise: nil) }
        }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        if !unclaimed.isEmpty { return eventLoop.makeSucceededFuture(unclaimed.removeFirst()) }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        let deadline = eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            self.fail(.timedOut(timeout))
        }
        waiter = (promise, deadline)
        return promise.futureResult
    }

    /// Fails unless every reply received so far has been claimed; checked right before TLS starts
    /// so nothing sent in plaintext after the server's `220` can pose as a TLS-protected reply.
    func ensureNoUnclaimedReplies() throws {
        if let unexpected = unclaimed.first {
            fail(.unexpectedReply(unexpected))
            throw SMTPConnectionFailure.unexpectedReply(unexpected)
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if let waiter {
            self.waiter = nil
            waiter.deadline.cancel()
            waiter.promise.succeed(reply)
        } else {
            unclaimed.append(reply)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(.underlying(error))
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.closed)
        context.fireChannelInactive()
    }

    private func fail(_ failure: SMTPConnectionFailure) {
        if self.failure == nil { self.failure = failure }
        if let waiter {
            self.waiter = nil
            waiter.deadline.cancel()
            waiter.promise.fail(self.failure!)
        }
        context?.close(promise: nil)
    }
}
