import Hummingbird
import PGStore

/// A refusal no page turned into its own form answers as a page saying why, with its status (a
/// ticket that is not there is 404), never as a bare 500: what the API answers as a JSON error
/// (`APIErrorMiddleware`), the pages answer as a notice page in the visitor's language. A visitor
/// a page needs signed in is sent to sign in: on the front page, or for the workspace on the
/// staff sign-in page.
struct PageRefusalMiddleware: RouterMiddleware {
    typealias Context = PortalRequestContext

    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is StaffSignInNeeded {
            guard let tenant = context.tenant else { throw StaffSignInNeeded() }
            return .seeOther(.staffLogin, of: tenant)
        } catch let refusal as PortalError where refusal.reason == .notSignedIn {
            guard let tenant = context.tenant else { throw refusal }
            return .seeOther(.front, of: tenant)
        } catch let refusal as any PortalRefusal {
            return pages.notice(.refused(refusal.message(context.language)), language: context.language, status: refusal.status)
        } catch let error where error.sqlState == "22021" {
            // A character PostgreSQL cannot store slipped past the input checks: still the visitor's error.
            return pages.notice(
                .refused(Catalog.message(.invalidCharacters, context.language)),
                language: context.language,
                status: .unprocessableContent
            )
        }
    }
}
