import Logging
import PGStore

/// A customer organisation's whole picture for staff (B13, issue 18): its details and code, its
/// warranty and account manager, its administrators, the contacts it used and its latest tickets,
/// read in one transaction. Every staff member may see it; only administrators change a
/// customer (`CustomerTokens`).
struct CustomerPicture: Sendable {
    var account: CustomerAccount
    var admins: [Customer.Admin]
    var contacts: [Contact]
    var tickets: [TicketListEntry]
    var workflows: [Workflow]
    /// Whether it has more tickets than `tickets` shows.
    var hasMore: Bool

    static let latest = 20

    static func load(
        code: String,
        database: Database,
        desk: RequestDesk,
        by member: Principal,
        tenant: Tenant,
        logger: Logger
    ) async throws
        -> CustomerPicture
    {
        try RequestDesk.requireStaff(member)
        let code = code.uppercased()
        let workflows = try await desk.workflows(tenant: tenant, logger: logger)
        return try await database.reading(tenant.scope, logger: logger) { connection in
            guard let (id, account) = try await AccessStore().customerAccount(code: code, on: connection, logger: logger) else {
                throw PortalError.noCustomer(code)
            }
            let page = try await TicketStore().list(
                TicketFilter(customer: code),
                visibility: .all,
                sort: TicketSort(.updated, descending: true),
                after: nil,
                limit: latest,
                on: connection,
                logger: logger
            )
            return CustomerPicture(
                account: account,
                admins: try await AccessStore().customerAdmins(customerID: id, on: connection, logger: logger),
                contacts: try await TicketStore().contacts(customerID: id, on: connection, logger: logger),
                tickets: page.tickets,
                workflows: workflows,
                hasMore: page.next != nil
            )
        }
    }
}
