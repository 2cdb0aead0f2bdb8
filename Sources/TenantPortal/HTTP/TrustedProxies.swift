import NIOCore
import PGStore

/// The reverse proxies in front of the service (`TRUSTED_PROXIES`). Behind one, every request comes
/// from the proxy's address, so sign-in throttling by address would lock everyone out together; the
/// proxy names the client in `X-Forwarded-For`. That header is believed only from these addresses
/// (anyone else could write anything in it), and only up to the last address they did not add.
public struct TrustedProxies: Sendable, Equatable {
    /// In the form `SocketAddress` prints them, so a setting and a peer compare equal.
    let addresses: Set<String>

    public static let none = TrustedProxies(addresses: [])

    init(addresses: Set<String>) {
        self.addresses = addresses
    }

    /// `list`: IP addresses separated by commas (spaces allowed), or empty for none.
    public init(_ list: String) throws(SettingError) {
        var addresses: Set<String> = []
        for item in list.split(separator: ",") {
            let text = item.trimmed
            guard let address = Self.normalized(text) else {
                throw SettingError(
                    setting: "TRUSTED_PROXIES",
                    problem: "has '\(text)'; expected IP addresses separated by commas, e.g. 10.0.0.5,10.0.0.6"
                )
            }
            addresses.insert(address)
        }
        self.addresses = addresses
    }

    /// The client's address: `peer`'s own, unless `peer` is a trusted proxy and `forwardedFor` (the
    /// `X-Forwarded-For` values, oldest first) names who came before it. Read from the right, the
    /// first address not a trusted proxy is the client; a malformed entry ends the trust there.
    func clientAddress(peer: String, forwardedFor: [String]) -> String {
        guard addresses.contains(peer) else { return peer }
        var client = peer
        for entry in forwardedFor.flatMap({ $0.split(separator: ",") }).reversed() {
            guard let address = Self.normalized(entry.trimmed) else { break }
            client = address
            guard addresses.contains(address) else { break }
        }
        return client
    }

    private static func normalized(_ text: String) -> String? {
        guard !text.isEmpty, let address = try? SocketAddress(ipAddress: text, port: 0) else { return nil }
        return address.ipAddress
    }
}
