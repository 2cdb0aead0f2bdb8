import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Why the connection itself failed, worded for an operator reading the outbox's error column
/// rather than as a raw NIO error dump.
enum SMTPConnectionFailure: Error, CustomStringConvertible {
    case closed
    case timedOut(Duration)
    /// A reply arrived that no command asked for: the conversation is out of step (or someone is
    /// injecting plaintext before STARTTLS), so nothing more may be sent on this connection.
    case unexpectedReply(SMTPReply)
    case underlying(any Error)

    var description: String {
        switch self {
        case .closed:
            "the server closed the connection"
        case .timedOut(let limit):
            "no reply within \(limit)"
        case .unexpectedReply(let reply):
            "the server sent a reply nobody asked for: \(reply)"
        case .underlying(let error):
            Self.describe(error)
        }
    }

    /// A short reason for any error NIO or NIOSSL reports while connecting or talking to the server.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as SMTPConnectionFailure:
            return error.description
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty {
                let dnsErrors = [error.dnsAError, error.dnsAAAAError].compactMap { $0.map { "\($0)" } }
                return "could not resolve \(error.host): \(dnsErrors.joined(separator: "; "))"
            }
            return error.connectionErrors.map { "\($0.target.ipAddress ?? "\($0.target)"): \(describe($0.error))" }
                .joined(separator: "; ")
        case let error as IOError:
            return "\(String(cString: strerror(error.errnoCode))) (errno \(error.errnoCode))"
        case ChannelError.connectTimeout(let limit):
            return "no connection within \(Duration.nanoseconds(limit.nanoseconds))"
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            return "TLS failure: \(error)"
        case let error as SMTPReplyDecoder.MalformedReply:
            return "malformed reply: \(error)"
        default:
            return "\(error)"
        }
    }
}
