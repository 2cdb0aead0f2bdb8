import Foundation
import Hummingbird
import LotterySettlement
import PGStore

/// The agent's own page on the portal, phone first (E1-E5, E9): summary with the collateral
/// warning, debts by period and age, recent draws with their winning and invalid tickets,
/// payments, and statements to confirm or dispute. Only the signed-in agent's figures, ever.
struct AgentPages {
    let figures: AgentFigures
    let statements: LotteryStatements
    let pages: PageRenderer

    struct DisputeForm: Decodable {
        var csrf: String?
        var reason: String?
        var email: String?
    }

    func addRoutes(to portal: RouterGroup<TenantRequestContext>) {
        let signedIn = portal.group(context: SignedInRequestContext.self)
        signedIn.get("lottery", use: show)
        signedIn.post("lottery/statements/:id/confirmation", use: confirm)
        signedIn.post("lottery/statements/:id/dispute", use: dispute)
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await FormProtection.withToken(for: request) { csrf in try await page(context, csrf: csrf, error: nil, status: .ok) }
    }

    @Sendable func confirm(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.form(DisputeForm.self) ?? DisputeForm()
        return try await answer(request, context, posted: form.csrf) {
            _ = try await statements.confirm(
                try StatementController.id(context),
                by: context.principal,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    @Sendable func dispute(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let form = try await request.form(DisputeForm.self) ?? DisputeForm()
        return try await answer(request, context, posted: form.csrf) {
            _ = try await statements.dispute(
                try StatementController.id(context),
                reason: form.reason,
                email: form.email,
                by: context.principal,
                tenant: context.tenant,
                logger: context.logger
            )
        }
    }

    /// Does `take` for a form whose token is good and goes back to the page; a refusal shows the
    /// page again saying why.
    private func answer(
        _ request: Request,
        _ context: SignedInRequestContext,
        posted: String?,
        take: () async throws -> Void
    ) async throws -> Response {
        try await FormProtection.withToken(for: request) { csrf in
            guard FormProtection.accepts(posted, request: request) else {
                return try await page(context, csrf: csrf, error: PortalText.formExpired(context.language), status: .forbidden)
            }
            do {
                try await take()
                return Response.seeOther(PortalPath("lottery"), of: context.tenant)
            } catch let refusal as any PortalRefusal {
                return try await page(context, csrf: csrf, error: refusal.message(context.language), status: refusal.status)
            }
        }
    }

    private func page(_ context: SignedInRequestContext, csrf: String, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let (principal, tenant, logger) = (context.principal, context.tenant, context.logger)
        return pages.agentPage(
            summary: try await figures.summary(for: .signedIn(principal), tenant: tenant, logger: logger),
            debts: try await figures.debts(for: .signedIn(principal), tenant: tenant, logger: logger),
            draws: try await figures.draws(for: .signedIn(principal), from: nil, to: nil, tenant: tenant, logger: logger),
            payments: try await figures.payments(for: .signedIn(principal), tenant: tenant, logger: logger),
            statements: try await statements.statements(for: principal, tenant: tenant, logger: logger),
            csrf: csrf,
            error: error,
            language: context.language,
            status: status
        )
    }
}
