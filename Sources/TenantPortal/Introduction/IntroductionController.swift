import Hummingbird
import PGStore

/// `GET /introduction` for anyone, signed in or not, and `PUT /settings/introduction` for the
/// tenant's administrators (PRODUCT.md B1).
struct IntroductionController {
    let introductions: ServiceIntroductionDesk

    struct Body: Codable, ResponseEncodable {
        struct Texts: Codable {
            var delivery: String?
            var scope: String?
            var hours: String?
        }

        var vi: Texts?
        var en: Texts?
        var hotline: String?
        var email: String?
        var zalo: String?
        var website: String?

        init(_ introduction: ServiceIntroduction) {
            func texts(_ texts: ServiceIntroduction.Texts) -> Texts { Texts(delivery: texts.delivery, scope: texts.scope, hours: texts.hours) }
            vi = texts(introduction.vi)
            en = texts(introduction.en)
            hotline = introduction.hotline
            email = introduction.email
            zalo = introduction.zaloOA
            website = introduction.website
        }

        var introduction: ServiceIntroduction {
            func texts(_ texts: Texts?) -> ServiceIntroduction.Texts {
                .init(delivery: texts?.delivery ?? "", scope: texts?.scope ?? "", hours: texts?.hours ?? "")
            }
            return ServiceIntroduction(
                vi: texts(vi),
                en: texts(en),
                hotline: hotline ?? "",
                email: email ?? "",
                zaloOA: zalo ?? "",
                website: website ?? ""
            )
        }
    }

    func addRoutes(to api: RouterGroup<TenantRequestContext>) {
        api.get("introduction", use: current)
        api.group(context: SignedInRequestContext.self).put("settings/introduction", use: replace)
    }

    @Sendable func current(_ request: Request, context: TenantRequestContext) async throws -> Body {
        Body(try await introductions.current(tenant: context.tenant, logger: context.logger))
    }

    @Sendable func replace(_ request: Request, context: SignedInRequestContext) async throws -> Body {
        try NotificationDesk.requireAdmin(context.principal)
        let body = try await request.decodeBody(Body.self, context: context)
        return Body(try await introductions.replace(body.introduction, by: context.principal, tenant: context.tenant, logger: context.logger))
    }
}
