import Dispatch
import Hummingbird
import Logging

/// One log line per request once it is answered: method, path, status and milliseconds, with the
/// request id and (under `/t/{slug}/`) the tenant from the request's logger metadata.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        func log(_ status: HTTPResponse.Status) {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            context.logger.log(
                level: status.code >= 500 ? .error : .info,
                "request",
                metadata: [
                    "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status.code)",
                    "duration_ms": "\((milliseconds * 100).rounded() / 100)",
                ]
            )
        }
        do {
            let response = try await next(request, context)
            log(response.status)
            return response
        } catch {
            log((error as? any HTTPResponseError)?.status ?? .internalServerError)
            throw error
        }
    }
}
