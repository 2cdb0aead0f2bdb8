import Foundation
import HTTPTypes
import PortalTestSupport
import PostgresNIO
import Testing

@testable import PGStore
@testable import TenantPortal

/// I4: nothing grows without end. The purge removes what has outlived its use, and nothing else.
@Suite("Purging what has outlived its use")
struct PurgeTests {
    let logger = TestDatabase.logger

    @Test("ended sessions, expired invitations, old failures, old idempotency keys and old delivered mail go; the rest stays; a dry run only counts")
    func purgeRemovesOnlyTheExpired() async throws {
        let tenant = try await PortalFixtures.tenant()
        try await PortalFixtures.staff(tenant, "hoa")
        let token = try await PortalFixtures.token(tenant)
        try await withPortal { client in
            let api = APIClient(client: client, tenant: tenant)
            for key in ["cu", "moi"] {
                let reply = try await api.call(.post, "/tickets", token: token, json: APIClient.request(), headers: [.init("Idempotency-Key")!: key])
                #expect(reply.status == .created)
            }
        }
        try await TestDatabase.asAdmin { admin in
            try await admin.withTenant(tenant.scope, logger: logger) { connection in
                for (digest, expires, revoked) in [
                    ("a", "now() - interval '1 hour'", "NULL"), ("b", "now() + interval '1 hour'", "now()"),
                    ("c", "now() + interval '1 hour'", "NULL"),
                ] {
                    try await connection.query(
                        PostgresQuery(
                            unsafeSQL: """
                                INSERT INTO sessions (token_sha256, principal_kind, principal_id, expires_at, revoked_at)
                                VALUES (convert_to('\(digest)', 'UTF8'), 'customer', 1, \(expires), \(revoked))
                                """
                        ),
                        logger: logger
                    )
                }
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO staff_invitations (staff_id, token_sha256, expires_at)
                            SELECT id, convert_to('x', 'UTF8'), now() - interval '1 minute' FROM staff_members WHERE username = 'hoa'
                            """
                    ),
                    logger: logger
                )
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "INSERT INTO sign_in_failures (subject, failed_at) VALUES ('addr:a', now() - interval '16 minutes'), ('addr:b', now())"
                    ),
                    logger: logger
                )
                try await connection.query(
                    PostgresQuery(unsafeSQL: "UPDATE idempotency_keys SET created_at = now() - interval '8 days' WHERE key = 'cu'"),
                    logger: logger
                )
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL: """
                            INSERT INTO platform.outbox (event, sender_name, recipient, subject, text_body, html_body, status, sent_at, created_at)
                            VALUES ('cu', 'x', 'a@example.vn', 's', 't', 'h', 'sent', now() - interval '91 days', now() - interval '91 days'),
                                   ('moi', 'x', 'a@example.vn', 's', 't', 'h', 'sent', now() - interval '89 days', now() - interval '89 days'),
                                   ('cho', 'x', 'a@example.vn', 's', 't', 'h', 'pending', NULL, now() - interval '91 days')
                            """
                    ),
                    logger: logger
                )
            }
            let purge = Purge(database: admin, outboxRetentionDays: 90)
            let expected = ["sessions": 2, "invitations": 1, "sign_in_failures": 1, "idempotency_keys": 1, "outbox": 1]
            for dryRun in [true, false] {
                let reports = try await purge.run(dryRun: dryRun, only: [tenant.slug], logger: logger)
                #expect(reports.map(\.slug) == [tenant.slug.value])
                let counts = Dictionary(uniqueKeysWithValues: reports.first?.removed.map { ($0.kind, $0.count) } ?? [])
                #expect(counts == expected, "dry run: \(dryRun)")
            }
            // What was not due stays: the live session, the fresh failure and key, newer and pending mail.
            let left = try await admin.withTenant(tenant.scope, logger: logger) { connection in
                [
                    try await connection.value("SELECT count(*) FROM sessions", as: Int.self, logger: logger),
                    try await connection.value("SELECT count(*) FROM staff_invitations", as: Int.self, logger: logger),
                    try await connection.value("SELECT count(*) FROM sign_in_failures", as: Int.self, logger: logger),
                    try await connection.value("SELECT count(*) FROM idempotency_keys", as: Int.self, logger: logger),
                    try await connection.value(
                        "SELECT count(*) FROM platform.outbox WHERE event IN ('cu', 'moi', 'cho')",
                        as: Int.self,
                        logger: logger
                    ),
                ]
            }
            #expect(left == [1, 0, 1, 1, 2])
            let again = try await purge.run(dryRun: false, only: [tenant.slug], logger: logger)
            #expect(again.first?.removed.allSatisfy { $0.count == 0 } == true)
            #expect(again.first?.failure == nil)
            // A slug no tenant has is refused before anything is purged.
            let unknown = try TenantSlug("khong-co-dau")
            await #expect(throws: TenantError.notFound("khong-co-dau")) {
                try await purge.run(dryRun: false, only: [tenant.slug, unknown], logger: logger)
            }
        }
    }

    @Test("of instances looking at once, exactly one claims the due purge")
    func oneInstanceClaims() async throws {
        // Not due again for an hour after any claim (a serving instance's too): due now for this test.
        try await TestDatabase.asAdmin { admin in
            try await admin.withConnection(logger: logger) {
                try await $0.query(PostgresQuery(unsafeSQL: "UPDATE platform.purge_schedule SET next_run_at = now()"), logger: logger)
            }
        }
        let claims = try await TestDatabase.asService { service in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await service.withConnection(logger: logger) { connection in
                            try await RetentionStore().claimPurge(every: .seconds(3600), on: connection, logger: logger)
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
        }
        #expect(claims.filter { $0 }.count == 1)
    }
}
