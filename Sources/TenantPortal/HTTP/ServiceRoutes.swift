import Hummingbird
import Logging
import PGStore
import Prometheus

/// Routes for the people and machines that run the service: liveness, readiness, metrics.
struct ServiceRoutes {
    let database: Database
    let metrics: PrometheusCollectorRegistry

    func add(to router: Router<PortalRequestContext>) {
        router.get("healthz") { _, _ in "ok\n" }
        router.get("readyz") { _, context in
            try await readiness(logger: context.logger)
        }
        router.get("metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer()))
            )
        }
    }

    /// Ready when the database answers within two seconds.
    private func readiness(logger: Logger) async throws -> Response {
        let answered = await database.answers(within: .seconds(2), logger: logger)
        return Response(
            status: answered ? .ok : .serviceUnavailable,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: answered ? "ready\n" : "database unreachable\n"))
        )
    }
}
