import Foundation

/// AUTH PLAIN, or AUTH LOGIN for servers that offer only that (RFC 4954, RFC 4616).
///
/// PLAIN is preferred: one round trip, and it is what current relays expect. Both send the
/// password merely base64-encoded, which is why `SMTPClient` only allows credentials over TLS or
/// to a loopback host.
enum SMTPAuthentication {
    static func authenticate(
        _ connection: SMTPConnection,
        _ credentials: SMTPSettings.Credentials,
        offered mechanisms: [String]
    ) async throws(MailDeliveryError) {
        if mechanisms.contains("PLAIN") {
            let token = base64("\0\(credentials.username)\0\(credentials.password)")
            let reply = try await connection.exchange("AUTH PLAIN \(token)", step: "AUTH PLAIN")
            try SMTPSession.require(reply, 235, step: "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try SMTPSession.require(await connection.exchange("AUTH LOGIN", step: "AUTH LOGIN"), 334, step: "AUTH LOGIN")
            let username = try await connection.exchange(base64(credentials.username), step: "AUTH LOGIN username")
            try SMTPSession.require(username, 334, step: "AUTH LOGIN username")
            let password = try await connection.exchange(base64(credentials.password), step: "AUTH LOGIN password")
            try SMTPSession.require(password, 235, step: "AUTH LOGIN password")
        } else {
            let reason =
                mechanisms.isEmpty
                ? "the server does not offer AUTH"
                : "the server offers no supported AUTH mechanism (PLAIN, LOGIN), only \(mechanisms.joined(separator: " "))"
            throw .transient(.init(step: "AUTH", reason: reason))
        }
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
