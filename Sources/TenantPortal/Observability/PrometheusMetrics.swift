import Metrics
import Prometheus
import Synchronization

/// The process's Prometheus registry, fed by swift-metrics (HTTP requests from Hummingbird's
/// MetricsMiddleware, pool figures from PGStore) and emitted by `/metrics`.
public enum PrometheusMetrics {
    private static let bootstrapped = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Installs the Prometheus backend once per process and returns its registry; later calls return
    /// the same registry (swift-metrics can only be bootstrapped once).
    public static func registry() -> PrometheusCollectorRegistry {
        bootstrapped.withLock { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: created)
            // Prometheus names allow [a-zA-Z0-9_:]; swift-metrics labels such as http.route use dots.
            factory.nameAndLabelSanitizer = { name, labels in
                (sanitized(name), labels.map { (sanitized($0.0), $0.1) })
            }
            MetricsSystem.bootstrap(factory)
            registry = created
            return created
        }
    }

    static func sanitized(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
    }
}
