import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import Testing

@testable import TenantPortal

/// Hostile or odd input is a clear 4xx, never a 500 or a crash.
@Suite("Odd and hostile input to the API")
struct APIInputTests {
    @Test("a cursor far outside any real time is refused instead of crashing the server")
    func extremeCursor() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let extreme = try await api.call(.get, "/tickets?cursor=LTkyMjMzNzIwMzY4NTQ3NzU4MDg6MQ", token: token)
            #expect(extreme.status == .unprocessableContent)
            #expect(extreme.errorField == "cursor")
            #expect(try await api.call(.get, "/tickets", token: token).status == .ok)
        }
    }

    @Test("NUL characters in bodies, sign-in and query strings are refused as invalid fields")
    func nulCharacters() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            let title = try await api.call(.post, "/tickets", token: token, json: APIClient.request(title: "A\u{0}B"))
            #expect(title.status == .unprocessableContent)
            #expect(title.errorField == "title")
            let message = try await api.call(.post, "/tickets/\(code)/messages", token: token, json: ["text": "a\u{0}b"])
            #expect(message.errorField == "text")
            let signIn = try await api.call(.post, "/sessions", json: ["username": "a\u{0}b", "password": "x"])
            #expect(signIn.status == .unprocessableContent)
            #expect(signIn.errorField == "username")
            for query in ["contact=%00", "status=a%00", "code=a%00"] {
                let reply = try await api.call(.get, "/tickets?\(query)", token: token)
                #expect(reply.status == .unprocessableContent, "\(query)")
            }
            let email = try await api.call(.post, "/tickets", token: token, json: APIClient.request(email: "a\u{0}b@anphat.vn"))
            #expect(email.errorField == "contact.email")
        }
    }

    @Test("an address or method the API does not have is a JSON 404 in the caller's language, after the tenant checks")
    func unknownAddress() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let missing = try await api.call(.get, "/khong-co")
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/json; charset=utf-8")
            #expect(missing.errorCode == "not_found")
            #expect(
                missing.errorMessage == "API không có GET /t/\(tenant.slug)/api/v1/khong-co; /openapi.yaml liệt kê các địa chỉ và phương thức có."
            )
            let wrongMethod = try await api.call(.put, "/me", headers: [.acceptLanguage: "en"])
            #expect(wrongMethod.status == .notFound)
            #expect(wrongMethod.errorMessage.hasPrefix("The API has no PUT /t/\(tenant.slug)/api/v1/me;"))
            let unknownTenant = try await client.execute(uri: "/t/khong-co-ai/api/v1/khong-co", method: .get) { response in
                (response.status, String(buffer: response.body))
            }
            #expect(unknownTenant.0 == .notFound)
            #expect(unknownTenant.1.contains("tenant_not_found"))
        }
    }

    @Test("who is asking is checked before the body is read")
    func authBeforeBody() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            let code = try await api.file(token: token)
            #expect(try await api.call(.post, "/tickets/\(code)/transitions", json: [:]).status == .unauthorized)
            #expect(try await api.call(.post, "/tickets/\(code)/transitions", token: token, json: [:]).status == .forbidden)
            #expect(try await api.call(.post, "/tickets/\(code)/notes", token: token, json: [:]).status == .forbidden)
            let garbage = try await client.execute(
                uri: "/t/\(tenant.slug)/api/v1/tickets/\(code)/messages",
                method: .post,
                body: ByteBuffer(string: "x")
            ) { $0.status }
            #expect(garbage == .unauthorized)
        }
    }

    @Test("limit must be a whole number from 1 to 100, said plainly")
    func limits() async throws {
        let tenant = try await PortalFixtures.tenant()
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            for value in ["0", "101", "abc"] {
                let reply = try await api.call(.get, "/tickets?limit=\(value)&lang=en", token: token)
                #expect(reply.status == .unprocessableContent, "\(value)")
                #expect(reply.errorMessage == "The value must be a whole number from 1 to 100.", "\(value)")
            }
        }
    }
}
