import Foundation
import Hummingbird

/// A posted `application/x-www-form-urlencoded` form as name and value pairs in order, repeated
/// names kept: a group of checkboxes sends one pair per ticked box.
struct FormFields: Sendable {
    let pairs: [(name: String, value: String)]

    init(_ body: String) {
        pairs = body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (decoded(parts[0]), parts.count > 1 ? decoded(parts[1]) : "")
        }
    }

    static func read(_ request: Request) async throws -> FormFields {
        FormFields(String(buffer: try await request.body.collect(upTo: 65_536)))
    }

    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }
}

extension Request {
    /// A posted form decoded as `Form`; nil when it cannot be read.
    func form<Form: Decodable>(_ type: Form.Type) async throws -> Form? {
        let body = try await body.collect(upTo: 65_536)
        return try? URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
    }
}
