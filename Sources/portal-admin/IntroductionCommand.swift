import ArgumentParser
import Foundation
import PGStore
import TenantPortal

extension TenantCommand {
    /// `portal-admin tenant introduction`: an operator writes a tenant's service introduction (B1)
    /// at onboarding, before the tenant has an administrator to do it on its settings page.
    struct Introduction: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a tenant's service introduction, or replace it from JSON.",
            discussion: """
                With --file (or --file - for standard input), the JSON is the body of PUT /settings/introduction:
                {"vi": {"delivery", "scope", "hours"}, "en": {...}, "hotline", "email", "zalo", "website"}; a field left out \
                is emptied. Prints the introduction as stored.
                """
        )

        @Argument(help: "The tenant's slug.")
        var slug: String

        @Option(help: "A JSON file with the new introduction; - reads standard input.")
        var file: String?

        func run() async throws {
            let runtime = try AdminRuntime.start()
            let slug = try operatorFacing { try TenantSlug(self.slug) }
            let replacement = try file.map { path in
                let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
                return try operatorFacing { try ServiceIntroductionDesk.introduction(fromJSON: data) }
            }
            let introduction = try await runtime.withAdminDatabase { database in
                guard let tenant = try await TenantCatalog(database: database).find(slug, logger: runtime.logger) else {
                    throw TenantError.notFound(slug.value)
                }
                let desk = ServiceIntroductionDesk(database: database)
                guard let replacement else { return try await desk.current(tenant: tenant, logger: runtime.logger) }
                return try await desk.set(replacement, tenant: tenant, logger: runtime.logger)
            }
            print(try ServiceIntroductionDesk.json(introduction))
        }
    }
}
