import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers batches of mail through one SMTP server, one connection per batch.
///
/// `send` never throws: the outbox needs an answer per message, and whether to retry it later.
/// Configuration mistakes that would leak credentials are refused when the client is created.
public struct SMTPClient: Sendable {
    private let settings: SMTPSettings
    private let tlsContext: NIOSSLContext?
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    public init(
        settings: SMTPSettings,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger = Logger(label: "mail.smtp")
    ) throws(SMTPConfigurationError) {
        if settings.credentials != nil, !settings.startTLS, !settings.hostIsLoopback {
            throw .credentialsWithoutTLS(host: settings.host)
        }
        let helo = settings.heloName
        guard !helo.isEmpty, helo.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw .invalidHeloName(helo)
        }
        self.settings = settings
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.tlsContext = settings.startTLS ? try Self.makeTLSContext(caCertificateFile: settings.caCertificateFile) : nil
    }

    /// Sends `messages` in order over one connection and returns one result per message, in the
    /// same order. A refused message does not stop the batch (RSET, then the next one); a
    /// connection failure fails every message not yet accepted as `.transient`.
    public func send(_ messages: [MailMessage]) async -> [Result<Void, MailDeliveryError>] {
        guard !messages.isEmpty else { return [] }
        let session: SMTPSession
        do {
            session = try await SMTPSession.open(settings: settings, tlsContext: tlsContext, eventLoopGroup: eventLoopGroup, logger: logger)
        } catch {
            logger.debug("SMTP session failed", metadata: ["smtp.error": "\(error)"])
            return Array(repeating: .failure(error), count: messages.count)
        }
        var results: [Result<Void, MailDeliveryError>] = []
        var connectionFailure: MailDeliveryError?
        for (index, message) in messages.enumerated() {
            if let connectionFailure {
                results.append(.failure(connectionFailure))
                continue
            }
            do throws(MailDeliveryError) {
                let result = try await session.deliver(message)
                results.append(result)
                if case .failure = result { try await session.reset() }
            } catch {
                connectionFailure = error
                // A failed RSET comes after this message already got its answer.
                if results.count == index { results.append(.failure(error)) }
            }
        }
        if let connectionFailure {
            logger.debug("SMTP connection failed during batch", metadata: ["smtp.error": "\(connectionFailure)"])
            await session.close()
        } else {
            await session.quit()
        }
        return results
    }

    private static func makeTLSContext(caCertificateFile: String?) throws(SMTPConfigurationError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .fullVerification
        configuration.minimumTLSVersion = .tlsv12
        if let caCertificateFile {
            configuration.trustRoots = .file(caCertificateFile)
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tls("\(caCertificateFile.map { "CA file \($0): " } ?? "")\(error)")
        }
    }
}
