import Hummingbird
import PGStore

/// `/lottery/settings`: the tenant's lottery rules (`LotteryRules`); staff read them, and
/// administrators change them. Rates and ratios are decimal text, read and written exactly.
struct LotteryRulesController {
    let rules: LotteryRules

    struct RulesView: ResponseEncodable {
        var periodKind: String
        var payoutFee: String
        var warningRatio: String
        var limitRatio: String

        init(_ settings: LotterySettings) {
            periodKind = settings.periodKind
            (payoutFee, warningRatio, limitRatio) = LotteryRules.decimals(settings)
        }
    }

    struct ChangeRequest: Decodable {
        var periodKind: String?
        var payoutFee: ExactNumber?
        var warningRatio: ExactNumber?
        var limitRatio: ExactNumber?
    }

    func addRoutes(to api: RouterGroup<SignedInRequestContext>) {
        api.get("lottery/settings", use: show)
        api.put("lottery/settings", use: change)
    }

    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> RulesView {
        try RequestDesk.requireStaff(context.principal)
        return RulesView(try await rules.current(tenant: context.tenant, logger: context.logger))
    }

    @Sendable func change(_ request: Request, context: SignedInRequestContext) async throws -> RulesView {
        guard context.principal.isStaffAdmin else { throw PortalError.adminOnly }
        let body = try await request.decodeBody(ChangeRequest.self, context: context)
        let change = LotteryRules.Change(
            periodKind: body.periodKind,
            payoutFee: body.payoutFee?.text,
            warningRatio: body.warningRatio?.text,
            limitRatio: body.limitRatio?.text
        )
        return RulesView(try await rules.change(change, actor: context.principal.key, tenant: context.tenant, logger: context.logger))
    }
}
