import Logging
import PostgresNIO

/// The tenant's service introduction, one row. SQL only; runs in the tenant's scope.
public struct ServiceIntroductionStore: Sendable {
    public init() {}

    public func current(on connection: PostgresConnection, logger: Logger) async throws -> ServiceIntroduction {
        let row = try await connection.rows(
            """
            SELECT delivery_vi, scope_vi, hours_vi, delivery_en, scope_en, hours_en, hotline, email, zalo_oa, website
            FROM service_introduction
            """,
            as: (String, String, String, String, String, String, String, String, String, String).self,
            logger: logger
        ).first
        guard let row else { return ServiceIntroduction() }
        return ServiceIntroduction(
            vi: .init(delivery: row.0, scope: row.1, hours: row.2),
            en: .init(delivery: row.3, scope: row.4, hours: row.5),
            hotline: row.6,
            email: row.7,
            zaloOA: row.8,
            website: row.9
        )
    }

    public func replace(_ introduction: ServiceIntroduction, on connection: PostgresConnection, logger: Logger) async throws {
        let vi = introduction.vi
        let en = introduction.en
        try await connection.query(
            """
            INSERT INTO service_introduction AS s (delivery_vi, scope_vi, hours_vi, delivery_en, scope_en, hours_en, hotline, email, zalo_oa, website)
            VALUES (\(vi.delivery), \(vi.scope), \(vi.hours), \(en.delivery), \(en.scope), \(en.hours),
                    \(introduction.hotline), \(introduction.email), \(introduction.zaloOA), \(introduction.website))
            ON CONFLICT (singleton) DO UPDATE SET
                delivery_vi = excluded.delivery_vi, scope_vi = excluded.scope_vi, hours_vi = excluded.hours_vi,
                delivery_en = excluded.delivery_en, scope_en = excluded.scope_en, hours_en = excluded.hours_en,
                hotline = excluded.hotline, email = excluded.email, zalo_oa = excluded.zalo_oa, website = excluded.website, updated_at = now()
            """,
            logger: logger
        )
    }
}
