import Logging
import PGStore

/// Staff acting on several tickets at once (B13, issue 18): assigning, moving or noting each of
/// them as they would one by one. Each ticket is changed in its own transaction with its own
/// checks, so one that may not move is reported and the others still are; none is half-changed.
extension RequestDesk {
    public enum BulkAction: Sendable {
        /// To the staff member with this username; nil: to nobody.
        case assign(String?)
        case move(to: String, note: String?)
        case note(String?, isPublic: Bool)
    }

    /// At most this many tickets in one request: a page of the staff's table, with room to spare.
    static let bulkLimit = 200

    /// Each ticket of `codes` (in their order, each once) with what became of it: the ticket as it
    /// now is, or why it was not changed.
    public func bulk(
        _ codes: [String],
        _ action: BulkAction,
        by principal: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws -> [(code: String, outcome: Result<Detail, PortalError>)] {
        try Self.requireStaff(principal)
        var seen = Set<String>()
        let codes = codes.map { $0.trimmed.uppercased() }.filter { seen.insert($0).inserted }
        guard !codes.isEmpty else { throw PortalError.invalid(field: "codes", .required) }
        guard codes.count <= Self.bulkLimit else { throw PortalError.invalid(field: "codes", .outOfRange(1, Self.bulkLimit)) }
        var outcomes: [(code: String, outcome: Result<Detail, PortalError>)] = []
        for code in codes {
            do {
                let detail =
                    switch action {
                    case .assign(let username):
                        try await assign(code: code, to: username, version: nil, by: principal, tenant: tenant, logger: logger)
                    case .move(let stage, let note):
                        try await move(code: code, to: stage, note: note, version: nil, by: principal, tenant: tenant, logger: logger)
                    case .note(let text, let isPublic):
                        try await addNote(code: code, text: text, isPublic: isPublic, by: principal, tenant: tenant, logger: logger)
                    }
                outcomes.append((code, .success(detail)))
            } catch let refusal as PortalError {
                outcomes.append((code, .failure(refusal)))
            }
        }
        return outcomes
    }
}
