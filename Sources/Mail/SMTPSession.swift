import Foundation
import Logging
import NIOCore
import NIOSSL

/// A connection that has been greeted, secured and logged in, ready for mail transactions.
///
/// The handshake is all-or-nothing: any unexpected answer ends the session with a transient
/// error, and in particular a server that does not offer STARTTLS when it is required is never
/// talked to in plaintext.
struct SMTPSession: Sendable {
    private let connection: SMTPConnection

    static func open(
        settings: SMTPSettings,
        tlsContext: NIOSSLContext?,
        eventLoopGroup: any EventLoopGroup,
        logger: Logger
    ) async throws(MailDeliveryError) -> SMTPSession {
        let connection = try await SMTPConnection.connect(settings: settings, eventLoopGroup: eventLoopGroup, logger: logger)
        do throws(MailDeliveryError) {
            try require(await connection.exchange(nil, step: "greeting"), 220, step: "greeting")
            var extensions = try await hello(connection, settings.heloName)
            if let tlsContext {
                guard extensions["STARTTLS"] != nil else {
                    throw .transient(.init(step: "STARTTLS", reason: "the server does not offer STARTTLS; refusing to continue without TLS"))
                }
                try require(await connection.exchange("STARTTLS", step: "STARTTLS"), 220, step: "STARTTLS")
                try await connection.startTLS(context: tlsContext, serverHostname: serverHostname(settings.host))
                extensions = try await hello(connection, settings.heloName)
            }
            if let credentials = settings.credentials {
                try await SMTPAuthentication.authenticate(connection, credentials, offered: extensions["AUTH"] ?? [])
            }
        } catch {
            await connection.close()
            throw error
        }
        return SMTPSession(connection: connection)
    }

    /// EHLO, or HELO for servers that refuse EHLO with a 5xx. Returns the offered extensions (none after HELO).
    private static func hello(_ connection: SMTPConnection, _ name: String) async throws(MailDeliveryError) -> [String: [String]] {
        let reply = try await connection.exchange("EHLO \(name)", step: "EHLO")
        if reply.code == 250 { return reply.extensions }
        guard (500..<600).contains(reply.code) else {
            throw .transient(.init(step: "EHLO", code: reply.code, reason: reply.text))
        }
        try require(await connection.exchange("HELO \(name)", step: "HELO"), 250, step: "HELO")
        return [:]
    }

    /// The name for SNI and the certificate check; nil for an IP address (SNI forbids those, and
    /// NIOSSL then checks the certificate against the peer's address instead).
    private static func serverHostname(_ host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// Fails the session unless the reply has the expected code.
    static func require(_ reply: SMTPReply, _ code: Int, step: String) throws(MailDeliveryError) {
        guard reply.code == code else { throw .transient(.init(step: step, code: reply.code, reason: reply.text)) }
    }

    /// Runs one mail transaction. A refusal of this message (4xx/5xx to MAIL, RCPT, DATA or the data
    /// itself) is returned; the caller then sends RSET and goes on with the next message. A broken
    /// connection, `421` (the server is closing) or `530` (AUTH required) is thrown: nothing more can be sent.
    ///
    /// A message goes to all of its recipients or to none: if any RCPT is refused no data is sent,
    /// so a retry never duplicates mail for the recipients that were accepted.
    func deliver(_ message: MailMessage) async throws(MailDeliveryError) -> Result<Void, MailDeliveryError> {
        if let refusal = try await step("MAIL FROM:<\(message.from.address)>", accepting: [250]) {
            return .failure(refusal)
        }
        var refusals: [MailDeliveryError] = []
        for recipient in message.to {
            if let refusal = try await step("RCPT TO:<\(recipient.address)>", accepting: [250, 251]) {
                refusals.append(refusal)
            }
        }
        if let refusal = refusals.first(where: { !$0.isTransient }) ?? refusals.first {
            return .failure(refusal)
        }
        if let refusal = try await step("DATA", accepting: [354]) {
            return .failure(refusal)
        }
        let data = Self.dataPayload(message.rendered(date: Date()))
        if let refusal = try await step("end of DATA", bytes: ByteBuffer(string: data), accepting: [250]) {
            return .failure(refusal)
        }
        return .success(())
    }

    /// RSET after a refused message, so the next one starts a clean transaction.
    func reset() async throws(MailDeliveryError) {
        try Self.require(await connection.exchange("RSET", step: "RSET"), 250, step: "RSET")
    }

    /// QUIT and close. The reply is not awaited as an error: every message already has its answer.
    func quit() async {
        _ = try? await connection.exchange("QUIT", step: "QUIT")
        await connection.close()
    }

    func close() async {
        await connection.close()
    }

    /// The rendered message, dot-stuffed (a line starting with "." gets another, RFC 5321 §4.5.2)
    /// and followed by the end-of-data line. `rendered` ends with CRLF.
    static func dataPayload(_ rendered: String) -> String {
        let stuffed = rendered.hasPrefix(".") ? "." + rendered : rendered
        return stuffed.replacingOccurrences(of: "\r\n.", with: "\r\n..") + ".\r\n"
    }

    private func step(_ command: String, bytes: ByteBuffer? = nil, accepting codes: Set<Int>) async throws(MailDeliveryError) -> MailDeliveryError? {
        let reply =
            if let bytes {
                try await connection.exchange(bytes: bytes, step: command)
            } else {
                try await connection.exchange(command, step: command)
            }
        if codes.contains(reply.code) { return nil }
        let detail = MailDeliveryError.Detail(step: command, code: reply.code, reason: reply.text)
        switch reply.code {
        // 421: the server is closing the connection; 530: it wants AUTH the settings lack. Both are
        // about the session, not this message, and fixed by waiting or by the operator.
        case 421, 530: throw .transient(detail)
        case 400..<500: return .transient(detail)
        case 500..<600: return .permanent(detail)
        default: throw .transient(detail)  // a 2xx/3xx we did not ask for: the conversation is out of step
        }
    }
}
