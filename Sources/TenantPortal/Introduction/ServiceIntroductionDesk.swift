import Foundation
import Logging
import PGStore

/// The tenant's service introduction (PRODUCT.md B1): anyone may read it, it is on the landing
/// page before and after sign-in; administrators replace it as a whole after every field checks.
public struct ServiceIntroductionDesk: Sendable {
    let database: Database
    private let store = ServiceIntroductionStore()

    static let textLimit = 4_000

    public init(database: Database) {
        self.database = database
    }

    public func current(tenant: Tenant, logger: Logger) async throws -> ServiceIntroduction {
        try await database.reading(tenant.scope, logger: logger) { try await store.current(on: $0, logger: logger) }
    }

    /// Stores `introduction` trimmed and checked (the email normalised) and returns what was stored.
    func replace(_ introduction: ServiceIntroduction, by principal: Principal, tenant: Tenant, logger: Logger) async throws -> ServiceIntroduction {
        try NotificationDesk.requireAdmin(principal)
        return try await set(introduction, tenant: tenant, logger: logger)
    }

    /// The same for an operator (`portal-admin tenant introduction`), who is no tenant principal.
    public func set(_ introduction: ServiceIntroduction, tenant: Tenant, logger: Logger) async throws -> ServiceIntroduction {
        let checked = try Self.checked(introduction)
        try await database.withTenant(tenant.scope, logger: logger) { try await store.replace(checked, on: $0, logger: logger) }
        return checked
    }

    /// An introduction written as the body of `PUT /settings/introduction`.
    public static func introduction(fromJSON data: Data) throws(PortalError) -> ServiceIntroduction {
        do {
            return try APIJSON.decoder.decode(IntroductionController.Body.self, from: data).introduction
        } catch {
            throw .malformedBody
        }
    }

    /// The introduction as `GET /introduction` answers it.
    public static func json(_ introduction: ServiceIntroduction) throws -> String {
        String(decoding: try APIJSON.encoder.encode(IntroductionController.Body(introduction)), as: UTF8.self)
    }

    /// Field names are those of the API and the editor's form.
    static func checked(_ introduction: ServiceIntroduction) throws(PortalError) -> ServiceIntroduction {
        func text(_ value: String, _ field: String, limit: Int = textLimit) throws(PortalError) -> String {
            try TextInput.optional(value, field: field, limit: limit) ?? ""
        }
        func texts(_ texts: ServiceIntroduction.Texts, _ language: String) throws(PortalError) -> ServiceIntroduction.Texts {
            .init(
                delivery: try text(texts.delivery, "delivery_\(language)"),
                scope: try text(texts.scope, "scope_\(language)"),
                hours: try text(texts.hours, "hours_\(language)")
            )
        }
        let hotline = try text(introduction.hotline, "hotline", limit: 40)
        guard hotline.isEmpty || isHotline(hotline) else { throw .invalid(field: "hotline", .hotlineInvalid) }
        var email = try text(introduction.email, "email", limit: 254)
        if !email.isEmpty {
            guard let normalized = ContactDetails.normalizedEmail(email) else { throw .invalid(field: "email", .emailInvalid) }
            email = normalized
        }
        let website = try text(introduction.website, "website", limit: 300)
        guard website.isEmpty || isWebAddress(website) else { throw .invalid(field: "website", .webAddressInvalid) }
        return ServiceIntroduction(
            vi: try texts(introduction.vi, "vi"),
            en: try texts(introduction.en, "en"),
            hotline: hotline,
            email: email,
            zaloOA: try text(introduction.zaloOA, "zalo", limit: 200),
            website: website
        )
    }

    /// Digits with the usual separators, like `1900 6868` or `(028) 3822-1234`: at least 3 digits.
    private static func isHotline(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isNumber || " +.-()".contains($0)) } && text.filter(\.isNumber).count >= 3
    }

    /// An absolute `http` or `https` address with a host: the only kind a page may link to.
    static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return false }
        return scheme == "https" || scheme == "http"
    }
}
