import Hummingbird

/// Serves the stylesheet and other static files compiled into the binary under `/static/`.
struct StaticRoutes {
    func add(to router: Router<PortalRequestContext>) {
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
