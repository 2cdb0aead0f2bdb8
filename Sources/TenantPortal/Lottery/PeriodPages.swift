import Foundation
import Hummingbird
import LotterySettlement
import PGStore

/// The workspace's debt periods (E2, E5, issue 19 item 10): the tenant's rules (administrators
/// change them here), the form to close a period, the closed periods with how their statements
/// stand (confirmed, disputed, waiting), and one period's statements with each dispute's ticket.
struct PeriodPages {
    let periods: LotteryPeriods
    let rules: LotteryRules
    let pages: PageRenderer

    struct CloseForm: Decodable {
        var csrf: String?
        var period: String?
    }

    struct RulesForm: Decodable {
        var csrf: String?
        var periodKind: String?
        var payoutFee: String?
        var warningRatio: String?
        var limitRatio: String?

        enum CodingKeys: String, CodingKey {
            case csrf
            case periodKind = "period_kind"
            case payoutFee = "payout_fee"
            case warningRatio = "warning_ratio"
            case limitRatio = "limit_ratio"
        }
    }

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get("lottery/periods", use: show)
        staff.post("lottery/periods", use: close)
        staff.post("lottery/settings", use: saveRules)
        staff.get("lottery/periods/:name", use: period)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let saved = FormFields(request.uri.query ?? "")["saved"] != nil
        return try await FormProtection.withToken(for: request) { csrf in
            try await page(context, csrf: csrf, notice: saved ? LotteryPeriodText.rulesSaved(context.language) : nil, error: nil, status: .ok)
        }
    }

    @Sendable func close(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await request.form(CloseForm.self) ?? CloseForm()
        return try await answer(request, context, csrf: form.csrf, typed: form.period) {
            let name = form.period?.trimmed.uppercased() ?? ""
            _ = try await periods.close(name, actor: context.member.key, tenant: context.tenant, logger: context.logger)
            return PortalPath("staff/lottery/periods/\(name)").with(query: "closed")
        }
    }

    @Sendable func saveRules(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await request.form(RulesForm.self) ?? RulesForm()
        return try await answer(request, context, csrf: form.csrf, typed: nil) {
            guard context.member.isStaffAdmin else { throw PortalError.adminOnly }
            let change = LotteryRules.Change(
                periodKind: form.periodKind,
                payoutFee: form.payoutFee,
                warningRatio: form.warningRatio,
                limitRatio: form.limitRatio
            )
            _ = try await rules.change(change, actor: context.member.key, tenant: context.tenant, logger: context.logger)
            return PortalPath("staff/lottery/periods").with(query: "saved")
        }
    }

    @Sendable func period(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try RequestDesk.requireStaff(context.member)
        let name = (context.parameters.get("name") ?? "").uppercased()
        let statements = try await periods.statements(ofPeriod: name, tenant: context.tenant, logger: context.logger)
        let made = FormFields(request.uri.query ?? "")["closed"] != nil
        return pages.staffPeriod(
            name,
            statements: statements,
            notice: made ? LotteryPeriodText.madeStatements(name, statements.count)(context.language) : nil,
            member: context.member,
            tenant: context.tenant,
            language: context.language
        )
    }

    /// Runs the form's `action` and sees the browser to where it leads; a refusal shows the periods
    /// page again with it, keeping what was typed.
    private func answer(
        _ request: Request,
        _ context: StaffRequestContext,
        csrf posted: String?,
        typed: String?,
        _ action: () async throws -> PortalPath
    ) async throws -> Response {
        try await FormProtection.withToken(for: request) { csrf in
            guard FormProtection.accepts(posted, request: request) else {
                return try await page(context, csrf: csrf, notice: nil, error: PortalText.formExpired(context.language), status: .forbidden)
            }
            do {
                return Response.seeOther(try await action(), of: context.tenant)
            } catch let refusal as any PortalRefusal {
                let message = (refusal.field.map { "\($0): " } ?? "") + refusal.message(context.language)
                return try await page(context, csrf: csrf, notice: nil, error: message, typed: typed, status: refusal.status)
            }
        }
    }

    private func page(
        _ context: StaffRequestContext,
        csrf: String,
        notice: String?,
        error: String?,
        typed: String? = nil,
        status: HTTPResponse.Status
    ) async throws -> Response {
        try RequestDesk.requireStaff(context.member)
        let (settings, closed, next) = try await periods.overview(tenant: context.tenant, logger: context.logger)
        return pages.staffPeriods(
            rules: settings,
            closed: closed,
            proposed: typed ?? next?.description ?? "",
            csrf: csrf,
            notice: notice,
            error: error,
            member: context.member,
            tenant: context.tenant,
            language: context.language,
            status: status
        )
    }
}
