import Foundation
import Hummingbird
import PGStore

/// The service introduction (B1) as the landing page shows it, and its editor for administrators.
extension PageRenderer {
    /// The introduction's values for `introduction/introduction.mustache`, in `language` (falling back to the
    /// other language's texts where this one is empty); nil when nothing is written.
    static func introduction(_ introduction: ServiceIntroduction, _ language: Language) -> [String: Any]? {
        guard !introduction.isEmpty else { return nil }
        let preferred = language == .vi ? introduction.vi : introduction.en
        let fallback = language == .vi ? introduction.en : introduction.vi
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        let texts = [
            (IntroductionText.delivery(language), nonEmpty(preferred.delivery) ?? fallback.delivery),
            (IntroductionText.scope(language), nonEmpty(preferred.scope) ?? fallback.scope),
            (IntroductionText.hours(language), nonEmpty(preferred.hours) ?? fallback.hours),
        ].filter { !$0.1.isEmpty }
        return [
            "heading": IntroductionText.heading(language), "texts": texts.map { ["label": $0.0, "text": $0.1] },
            "hasChannels": introduction.hasChannels, "channelsLabel": IntroductionText.channels(language),
            "hotlineLabel": IntroductionText.hotline(language), "hotline": nonEmpty(introduction.hotline) as Any,
            "dial": introduction.hotline.filter { $0.isNumber || $0 == "+" },
            "emailLabel": IntroductionText.email(language), "email": nonEmpty(introduction.email) as Any,
            "zaloLabel": IntroductionText.zalo(language), "zalo": nonEmpty(introduction.zaloOA) as Any,
            "zaloHref": (introduction.zaloOA.lowercased().hasPrefix("https://") ? nonEmpty(introduction.zaloOA) : nil) as Any,
            "websiteLabel": IntroductionText.website(language), "website": nonEmpty(introduction.website) as Any,
        ]
    }

    /// The editor: every field as stored or as just entered, a refusal next to its field, and a
    /// confirmation after saving.
    func introductionEditor(
        entered: [String: String],
        errors: [String: String],
        saved: Bool,
        member: Principal,
        tenant: Tenant,
        csrf: String,
        language: Language,
        status: HTTPResponse.Status
    ) -> Response {
        func field(
            _ name: String,
            _ label: String,
            multiline: Bool = true,
            type: String? = nil,
            limit: Int = ServiceIntroductionDesk.textLimit
        )
            -> [String: Any]
        {
            [
                "id": name.replacingOccurrences(of: "_", with: "-"), "name": name, "label": label, "multiline": multiline, "type": type as Any,
                "limit": limit, "value": entered[name] ?? "", "fieldError": errors[name] as Any, "rows": 3,
            ]
        }
        let groups: [[String: Any]] = [
            [
                "legend": IntroductionText.inVietnamese(language),
                "fields": [
                    field("delivery_vi", IntroductionText.delivery(language)), field("scope_vi", IntroductionText.scope(language)),
                    field("hours_vi", IntroductionText.hours(language)),
                ],
            ],
            [
                "legend": IntroductionText.inEnglish(language),
                "fields": [
                    field("delivery_en", IntroductionText.delivery(language)), field("scope_en", IntroductionText.scope(language)),
                    field("hours_en", IntroductionText.hours(language)),
                ],
            ],
            [
                "legend": IntroductionText.channels(language),
                "fields": [
                    field("hotline", IntroductionText.hotline(language), multiline: false, type: "tel", limit: 40),
                    field("email", IntroductionText.email(language), multiline: false, type: "email", limit: 254),
                    field("zalo", IntroductionText.zalo(language), multiline: false, limit: 200),
                    field("website", IntroductionText.website(language), multiline: false, type: "url", limit: 300),
                ],
            ],
        ]
        return render(
            "introduction/staff-introduction",
            navigation.frame(.introduction, member: member, tenant: tenant, language: language).merging([
                "csrf": csrf, "groups": groups, "error": errors["form"] as Any, "saved": (saved ? IntroductionText.saved(language) : nil) as Any,
                "submit": IntroductionText.save(language),
            ]) { $1 },
            language: language,
            status: status
        )
    }
}
