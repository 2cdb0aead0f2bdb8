import Hummingbird
import PGStore

/// `GET /introduction` for anyone, signed in or not, and `PUT /settings/introduction` for the
/// tenant's administrators (PRODUCT.md B1).
struct IntroductionRoutes {
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

    func add(to api: RouterGroup<PortalRequestContext>) {
        api.get("introduction") { _, context in
            Body(try await introductions.current(tenant: try context.requireTenant(), logger: context.logger))
        }
        api.put("settings/introduction") { request, context in
            let principal = try context.requirePrincipal()
            try NotificationDesk.requireAdmin(principal)
            let body = try await request.decodeBody(Body.self, context: context)
            return Body(
                try await introductions.replace(body.introduction, by: principal, tenant: try context.requireTenant(), logger: context.logger)
            )
        }
    }
}
