import Hummingbird
import PGStore

/// `/t/{slug}/track?code=...&phone=...`: where a ticket stands, by its code and the last four
/// digits of its contact's phone, without signing in (PRODUCT.md B6).
struct TrackingPage {
    let desk: RequestDesk
    let pages: PageRenderer

    func addRoutes(to portal: RouterGroup<TenantRequestContext>) {
        portal.get("track", use: track)
    }

    @Sendable func track(_ request: Request, context: TenantRequestContext) async throws -> Response {
        let tenant = context.tenant
        let language = context.language
        let query = request.uri.queryParameters
        let code = String((query.get("code") ?? "").prefix(40))
        let phone = String((query.get("phone") ?? "").prefix(20))
        guard !code.isEmpty || !phone.isEmpty else {
            return pages.tracking(code: "", phone: "", result: nil, error: nil, fieldErrors: [:], tenant: tenant, language: language, status: .ok)
        }
        do {
            let found = try await desk.track(
                code: code,
                phoneDigits: phone,
                address: context.clientAddress,
                tenant: tenant,
                logger: context.logger
            )
            return pages.tracking(
                code: code,
                phone: phone,
                result: found,
                error: found == nil ? TrackingText.notFound(language) : nil,
                fieldErrors: [:],
                tenant: tenant,
                language: language,
                status: found == nil ? .notFound : .ok
            )
        } catch let refusal as PortalError {
            let message = Catalog.message(refusal.reason, language)
            let fields = refusal.field.map { [$0: message] } ?? [:]
            return pages.tracking(
                code: code,
                phone: phone,
                result: nil,
                error: fields.isEmpty ? message : nil,
                fieldErrors: fields,
                tenant: tenant,
                language: language,
                status: refusal.status
            )
        }
    }
}
