import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// Behind a TLS-terminating proxy only its `X-Forwarded-Proto` tells; a wrong "https" merely makes
    /// the cookie stricter.
    var arrivedOverHTTPS: Bool {
        uri.scheme == .https || headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// The JSON body as `type`; anything unreadable is the API's "malformed body" error.
    func decodeBody<T: Decodable>(_ type: T.Type, context: some RequestContext) async throws -> T {
        do {
            return try await decode(as: type, context: context)
        } catch {
            throw PortalError.malformedBody
        }
    }
}
