import Hummingbird
import PGStore

/// The service introduction's editor for administrators (B1): one form with both languages and the
/// contact channels; a refusal comes back next to its field with everything entered kept.
struct IntroductionPage {
    let introductions: ServiceIntroductionDesk
    let pages: PageRenderer

    /// The editor's form fields to an introduction and back; the names are the API's error fields.
    static func introduction(from fields: [String: String]) -> ServiceIntroduction {
        ServiceIntroduction(
            vi: .init(delivery: fields["delivery_vi"] ?? "", scope: fields["scope_vi"] ?? "", hours: fields["hours_vi"] ?? ""),
            en: .init(delivery: fields["delivery_en"] ?? "", scope: fields["scope_en"] ?? "", hours: fields["hours_en"] ?? ""),
            hotline: fields["hotline"] ?? "",
            email: fields["email"] ?? "",
            zaloOA: fields["zalo"] ?? "",
            website: fields["website"] ?? ""
        )
    }

    static func fields(of introduction: ServiceIntroduction) -> [String: String] {
        [
            "delivery_vi": introduction.vi.delivery, "scope_vi": introduction.vi.scope, "hours_vi": introduction.vi.hours,
            "delivery_en": introduction.en.delivery, "scope_en": introduction.en.scope, "hours_en": introduction.en.hours,
            "hotline": introduction.hotline, "email": introduction.email, "zalo": introduction.zaloOA, "website": introduction.website,
        ]
    }

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        let admin = staff.group("settings/introduction").add(middleware: AdminOnly())
        admin.get(use: editor)
        admin.post(use: save)
    }

    @Sendable func editor(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let current = try await introductions.current(tenant: context.tenant, logger: context.logger)
        return try await FormProtection.withToken(for: request) { csrf in
            pages.introductionEditor(
                entered: Self.fields(of: current),
                errors: [:],
                saved: request.uri.queryParameters.get("saved") != nil,
                member: context.member,
                tenant: context.tenant,
                csrf: csrf,
                language: context.language,
                status: .ok
            )
        }
    }

    @Sendable func save(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let entered = try await request.form([String: String].self) ?? [:]
        return try await FormProtection.answer(request, posted: entered["csrf"]) { csrf in
            _ = try await introductions.replace(
                Self.introduction(from: entered),
                by: context.member,
                tenant: context.tenant,
                logger: context.logger
            )
            return .seeOther(.staff(.introduction).with(query: "saved"), of: context.tenant)
        } refused: { refusal, csrf in
            pages.introductionEditor(
                entered: entered,
                errors: refusal.fieldErrors(context.language),
                saved: false,
                member: context.member,
                tenant: context.tenant,
                csrf: csrf,
                language: context.language,
                status: refusal.status
            )
        }
    }
}
