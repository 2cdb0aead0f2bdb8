import Foundation
import Hummingbird
import LotterySettlement
import PGStore

/// The workspace's ledger imports (E6, issue 19 item 10): upload the ERP's CSV file, see what was
/// applied and skipped, or every problem by line and column when the file is refused; the latest
/// imports below.
struct ImportPages {
    let imports: LedgerImport
    let database: Database
    let pages: PageRenderer

    /// The largest file the page takes: the API's limit.
    static let limits = AttachmentLimits(maxBytes: LotteryController.importLimit, maxFiles: 1)

    func addRoutes(to staff: RouterGroup<StaffRequestContext>) {
        staff.get("lottery/imports", use: show)
        staff.post("lottery/imports", use: upload)
    }

    @Sendable func show(_ request: Request, context: StaffRequestContext) async throws -> Response {
        try await FormProtection.withToken(for: request) { csrf in
            try await page(context, csrf: csrf, outcome: nil, error: nil, problems: [], status: .ok)
        }
    }

    @Sendable func upload(_ request: Request, context: StaffRequestContext) async throws -> Response {
        let form = try await PostedForm.read(request, limits: Self.limits)
        let language = context.language
        return try await FormProtection.withToken(for: request) { csrf in
            guard FormProtection.accepts(form["csrf"], request: request) else {
                return try await page(context, csrf: csrf, outcome: nil, error: PortalText.formExpired(language), problems: [], status: .forbidden)
            }
            if let refusal = form.refusal {
                return try await page(context, csrf: csrf, outcome: nil, error: refusal.message(language), problems: [], status: refusal.status)
            }
            guard let file = form.uploads.first else {
                return try await page(
                    context,
                    csrf: csrf,
                    outcome: nil,
                    error: Catalog.message(.fileRequired, language),
                    problems: [],
                    status: .unprocessableContent
                )
            }
            do {
                let outcome = try await imports.run(
                    file: file.data.readableBytesView,
                    fileName: file.fileName ?? "upload.csv",
                    actor: context.member.key,
                    tenant: context.tenant,
                    logger: context.logger
                )
                let text = LotteryText.imported(outcome.applied, outcome.skipped)(language)
                return try await page(context, csrf: csrf, outcome: text, error: nil, problems: [], status: .ok)
            } catch let refused as LedgerImportRefusal {
                let head = refused.message(language).split(separator: "\n").first.map(String.init)
                return try await page(context, csrf: csrf, outcome: nil, error: head, problems: refused.details(language), status: refused.status)
            }
        }
    }

    private func page(
        _ context: StaffRequestContext,
        csrf: String,
        outcome: String?,
        error: String?,
        problems: [RefusalDetail],
        status: HTTPResponse.Status
    ) async throws -> Response {
        try RequestDesk.requireStaff(context.member)
        let recent = try await database.reading(context.tenant.scope, logger: context.logger) {
            try await LotteryLedgerStore().recentImports(limit: 20, on: $0, logger: context.logger)
        }
        return pages.staffImports(
            recent: recent,
            outcome: outcome,
            error: error,
            problems: problems,
            csrf: csrf,
            member: context.member,
            tenant: context.tenant,
            language: context.language,
            status: status
        )
    }
}
