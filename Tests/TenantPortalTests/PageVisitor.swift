import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore

@testable import TenantPortal

/// A browser for page tests: it keeps the session and CSRF cookies the pages hand out and puts the
/// CSRF token into every form it posts, as the page's hidden field would.
struct PageVisitor: Sendable {
    let client: any TestClientProtocol
    let tenant: Tenant
    private(set) var cookies: [String: String] = [:]

    init(client: any TestClientProtocol, tenant: Tenant) {
        self.client = client
        self.tenant = tenant
    }

    /// Signed in through the API (the session cookie is the same one the pages read).
    static func signedIn(
        _ client: any TestClientProtocol,
        _ tenant: Tenant,
        username: String,
        password: String = PortalFixtures.staffPassword
    ) async throws -> PageVisitor {
        var visitor = PageVisitor(client: client, tenant: tenant)
        let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["username": username, "password": password]))
        let response = try await client.execute(
            uri: "/t/\(tenant.slug)/api/v1/sessions",
            method: .post,
            headers: [.contentType: "application/json"],
            body: body
        )
        visitor.keep(response.headers)
        return visitor
    }

    /// A customer signed in with its organisation's token.
    static func signedIn(_ client: any TestClientProtocol, _ tenant: Tenant, token: String) async throws -> PageVisitor {
        var visitor = PageVisitor(client: client, tenant: tenant)
        let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["token": token]))
        let response = try await client.execute(
            uri: "/t/\(tenant.slug)/api/v1/sessions",
            method: .post,
            headers: [.contentType: "application/json"],
            body: body
        )
        visitor.keep(response.headers)
        return visitor
    }

    /// GETs `path` under `/t/{slug}/`.
    mutating func get(_ path: String) async throws -> TestResponse {
        let response = try await client.execute(uri: "/t/\(tenant.slug)/\(path)", method: .get, headers: cookieHeader)
        keep(response.headers)
        return response
    }

    /// POSTs a form to `path` under `/t/{slug}/` with the CSRF token (after a `get` handed it out).
    mutating func post(_ path: String, _ fields: KeyValuePairs<String, String>) async throws -> TestResponse {
        try await post(path, fields.map { ($0.key, $0.value) })
    }

    /// The same with the fields in a list (repeated names, as a group of checkboxes sends them).
    mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let pairs = [("csrf", cookies[FormProtection.cookieName] ?? "")] + fields
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        let body = pairs.map { "\(encoded($0.0))=\(encoded($0.1))" }.joined(separator: "&")
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(uri: "/t/\(tenant.slug)/\(path)", method: .post, headers: headers, body: ByteBuffer(string: body))
        keep(response.headers)
        return response
    }

    /// POSTs a `multipart/form-data` form with `files` (as a form with a file field sends it).
    mutating func post(_ path: String, _ fields: [(String, String)], files: [(name: String, bytes: [UInt8])]) async throws -> TestResponse {
        var (headers, body) = NewRequestPageTests.form([("csrf", cookies[FormProtection.cookieName] ?? "")] + fields, files: files)
        headers[.cookie] = cookieHeader[.cookie]
        let response = try await client.execute(uri: "/t/\(tenant.slug)/\(path)", method: .post, headers: headers, body: body)
        keep(response.headers)
        return response
    }

    private var cookieHeader: HTTPFields {
        cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
    }

    private mutating func keep(_ headers: HTTPFields) {
        for header in headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            cookies[String(pair[0])] = String(pair[1])
        }
    }
}
