import Foundation
import Hummingbird
import Logging
import PGStore

/// Every API failure as `{"error": {"code", "message", "field"}}` in the request's language, with
/// the right status; never a stack trace or SQL. Unexpected errors are logged with the request id
/// and answered 500 with a generic message.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as any PortalRefusal {
            return APIError.response(refusal, language: context.language)
        } catch let notServed as AddressNotServed {
            // Answered further out, as an address no route serves.
            throw notServed
        } catch is DecodingError {
            return APIError.response(PortalError.malformedBody, language: context.language)
        } catch let error where error.sqlState == "22021" {
            // A character PostgreSQL cannot store slipped past the input checks: still the caller's error.
            let refusal = PortalError(status: .unprocessableContent, code: "invalid_field", reason: .invalidCharacters)
            return APIError.response(refusal, language: context.language)
        } catch let error as HTTPError where error.status.code < 500 {
            return APIError.response(
                code: "http_\(error.status.code)",
                message: error.body ?? error.status.reasonPhrase,
                field: nil,
                status: error.status
            )
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            let message =
                Sentence(
                    vi: "Đã có lỗi ở máy chủ. Vui lòng thử lại; nếu vẫn lỗi, hãy báo mã \(context.id).",
                    en: "Something went wrong on the server. Please try again; if it persists, quote \(context.id)."
                )(context.language)
            return APIError.response(code: "internal_error", message: message, field: nil, status: .internalServerError)
        }
    }
}

enum APIError {
    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var field: String?
            /// Every thing wrong, when there are several (an import's bad rows); absent otherwise.
            var details: [RefusalDetail]?
        }

        var error: Detail
    }

    static func response(_ refusal: any PortalRefusal, language: Language) -> Response {
        let details = refusal.details(language)
        var response = response(
            code: refusal.code,
            message: refusal.message(language),
            field: refusal.field,
            details: details.isEmpty ? nil : details,
            status: refusal.status
        )
        if let seconds = refusal.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    static func response(code: String, message: String, field: String?, details: [RefusalDetail]? = nil, status: HTTPResponse.Status) -> Response {
        let data = (try? APIJSON.encoder.encode(Body(error: .init(code: code, message: message, field: field, details: details)))) ?? Data()
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// The tenant could not be served (unknown or suspended), as JSON.
    static func refusal(_ notice: Catalog.Notice, language: Language, status: HTTPResponse.Status) -> Response {
        let code = if case .tenantSuspended = notice { "tenant_suspended" } else { "tenant_not_found" }
        return response(code: code, message: notice.message(language), field: nil, status: status)
    }
}
