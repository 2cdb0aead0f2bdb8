import PGStore
import Testing

@Suite("Tenant slugs and creation input")
struct TenantRulesTests {
    @Test("a well-formed slug maps to schema t_<slug> with hyphens as underscores")
    func slugMapsToSchema() throws {
        let slug = try TenantSlug("an-phat-2")
        #expect(slug.schemaName.name == "t_an_phat_2")
        #expect(slug.schemaName.quoted == "\"t_an_phat_2\"")
        #expect(slug.scope.role == slug.scope.schema)
    }

    @Test(
        "malformed slugs are refused with the reason",
        arguments: [
            ("a", "2 to 40"), (String(repeating: "a", count: 41), "2 to 40"), ("1abc", "start with"),
            ("Acme", "start with"), ("ac_me", "only lower-case"), ("ac me", "only lower-case"),
            ("acme-", "end with a hyphen"), ("acmé", "only lower-case"), ("x'; DROP TABLE t;--", "only lower-case"),
        ]
    )
    func malformedSlugs(slug: String, reason: String) {
        #expect {
            try TenantSlug(slug)
        } throws: { error in
            guard case .invalidSlug(let text, let why) = error as? TenantError else { return false }
            return text == slug && why.contains(reason)
        }
    }

    @Test("reserved words cannot be slugs", arguments: ["admin", "api", "staff", "static", "platform", "metrics"])
    func reservedSlugs(slug: String) {
        #expect(throws: TenantError.reservedSlug(slug)) { try TenantSlug(slug) }
    }

    @Test("creation input is checked: name, modules, locale, time zone")
    func newTenantValidation() throws {
        let ok = try NewTenant(slug: "minh-long", displayName: "  Garage Minh Long ", modules: "repair, care,repair", locale: "en")
        #expect(ok.displayName == "Garage Minh Long")
        #expect(ok.modules == [.repair, .care])
        #expect(ok.timeZone == "Asia/Ho_Chi_Minh")
        #expect(throws: TenantError.invalidDisplayName) { try NewTenant(slug: "minh-long", displayName: "   ") }
        #expect(throws: TenantError.unknownModule("crm")) { try NewTenant(slug: "minh-long", displayName: "M", modules: "it,crm") }
        #expect(throws: TenantError.invalidLocale("fr")) { try NewTenant(slug: "minh-long", displayName: "M", locale: "fr") }
        #expect(throws: TenantError.invalidTimeZone("Mars/Olympus")) {
            try NewTenant(slug: "minh-long", displayName: "M", timeZone: "Mars/Olympus")
        }
    }

    @Test("identifiers outside ^[a-z][a-z0-9_]*$ or over 63 bytes are refused")
    func identifiers() {
        #expect(SQLIdentifier("t_ok_1") != nil)
        #expect(SQLIdentifier("T_upper") == nil)
        #expect(SQLIdentifier("t\"; drop") == nil)
        #expect(SQLIdentifier("_t") == nil)
        #expect(SQLIdentifier(String(repeating: "a", count: 64)) == nil)
        #expect(SQLIdentifier(String(repeating: "a", count: 63)) != nil)
    }
}
