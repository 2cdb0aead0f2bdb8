import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Bearer tokens and passwords: tokens are 256 random bits shown once and stored as SHA-256;
/// passwords are stored as bcrypt hashes, computed off the event loops.
public enum Secrets {
    /// Whether two secrets are equal, taking as long whatever the first differing character: a
    /// guess must not learn from the response time how much of it was right.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        return x.count == y.count && zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A new bearer value: `tp_` and 43 URL-safe characters.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "tp_" + Data(bytes).base64URLEncoded
    }

    public static func digest(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(token.utf8)))
    }

    /// bcrypt's cost: `PASSWORD_HASH_COST` (4 to 31; `PortalSettings` stops start-up on another
    /// value), else 11.
    static let bcryptCost: UInt8 =
        ProcessInfo.processInfo.environment["PASSWORD_HASH_COST"].flatMap(UInt8.init).flatMap { (4...31).contains($0) ? $0 : nil } ?? 11

    /// Checked against when a username is unknown, so a miss takes as long as a wrong password.
    static let decoyHash = Bcrypt.hash(newToken(), cost: bcryptCost)

    public static func hashPassword(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: bcryptCost) }
    }

    public static func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Passwords are at least 10 characters; longer than 72 bytes would be cut by bcrypt silently.
    public static func checkNewPassword(_ password: String, field: String = "password") throws(PortalError) {
        guard !password.isEmpty else { throw .invalid(field: field, .required) }
        guard password.count >= 10 else { throw .invalid(field: field, .passwordTooShort) }
        guard password.utf8.count <= 72 else { throw .invalid(field: field, .passwordTooLong) }
    }
}
