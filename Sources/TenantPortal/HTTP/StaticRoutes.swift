import Hummingbird

/// Serves the stylesheet and other static files compiled into the binary under `/static/`, and
/// the API description at `/openapi.yaml`.
struct StaticRoutes {
    func add(to router: Router<PortalRequestContext>) {
        // The API's description (PRODUCT.md I3), from openapi.yaml at the repository's root.
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: EmbeddedFiles.all["openapi.yaml"] ?? ""))
            )
        }
        router.get("static/:file") { _, context in
            let file = context.parameters.get("file") ?? ""
            guard let text = EmbeddedFiles.all["static/" + file], let type = Self.contentType(of: file) else {
                throw HTTPError(.notFound)
            }
            return Response(
                status: .ok,
                headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        }
    }

    static func contentType(of file: String) -> String? {
        if file.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if file.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        return nil
    }
}
