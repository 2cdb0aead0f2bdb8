import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PGStore
import PortalTestSupport
import Testing

@Suite("Health, readiness, metrics and request ids")
struct ServiceEndpointTests {
    @Test("/healthz and /readyz answer 200 when the database is reachable")
    func healthAndReadiness() async throws {
        try await withPortal { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ok\n")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ready\n")
            }
        }
    }

    @Test("every response carries a request id; a well-formed incoming one is kept")
    func requestIDs() async throws {
        try await withPortal { client in
            let generated = try await client.execute(uri: "/healthz", method: .get) { $0.headers[RequestIDHeader.name] }
            #expect(generated?.isEmpty == false)
            let kept = try await client.execute(uri: "/healthz", method: .get, headers: [RequestIDHeader.name: "lb-42.abc_DEF"]) {
                $0.headers[RequestIDHeader.name]
            }
            #expect(kept == "lb-42.abc_DEF")
            let replaced = try await client.execute(uri: "/healthz", method: .get, headers: [RequestIDHeader.name: "bad id\"<x>"]) {
                $0.headers[RequestIDHeader.name]
            }
            #expect(replaced != nil && replaced != "bad id\"<x>")
        }
    }

    @Test("/metrics counts requests by route and status and reports the database pool")
    func metrics() async throws {
        let tenant = try await makeTenant()
        try await withPortal { client in
            try await client.execute(uri: "/t/\(tenant.slug)/", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.text
                #expect(text.contains(#"hb_requests{http_route="/t/{slug}",http_request_method="GET",http_response_status_code="200"}"#))
                #expect(text.contains("http_server_request_duration_bucket"))
                #expect(text.contains("db_pool_connections_max"))
                #expect(text.contains("db_pool_lease_wait_seconds"))
            }
        }
    }
}

enum RequestIDHeader {
    static let name = HTTPField.Name("X-Request-ID")!
}
