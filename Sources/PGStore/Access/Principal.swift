import Foundation

/// Who is making a request: a staff member, a customer organisation (by its token), or a portal user
/// (lottery agent, employee).
public enum Principal: Sendable, Equatable {
    case staff(StaffMember)
    case customer(Customer)
    case portalUser(PortalUser)

    /// `<kind>:<id>`, as recorded in `tickets.filed_by` and idempotency keys.
    public var key: String {
        switch self {
        case .staff(let staff): "staff:\(staff.id)"
        case .customer(let customer): "customer:\(customer.id)"
        case .portalUser(let user): "portal_user:\(user.id)"
        }
    }

    public var kind: String {
        switch self {
        case .staff: "staff"
        case .customer: "customer"
        case .portalUser: "portal_user"
        }
    }

    public var id: Int {
        switch self {
        case .staff(let staff): staff.id
        case .customer(let customer): customer.id
        case .portalUser(let user): user.id
        }
    }

    public var displayName: String {
        switch self {
        case .staff(let staff): staff.displayName
        case .customer(let customer): customer.name
        case .portalUser(let user): user.displayName
        }
    }

    public var isStaff: Bool {
        if case .staff = self { true } else { false }
    }

    public var isStaffAdmin: Bool {
        if case .staff(let member) = self { member.role == .admin } else { false }
    }

    /// The account a password signs in to, with its username; nil for a customer organisation,
    /// which signs in with its token.
    public var passwordLogin: (holder: PasswordHolder, username: String)? {
        switch self {
        case .staff(let staff): (.staff, staff.username)
        case .portalUser(let user): (.portalUser, user.username)
        case .customer: nil
        }
    }
}

/// Who signs in with a username and password; the raw value is the sessions' `principal_kind`.
public enum PasswordHolder: String, Sendable {
    case staff
    case portalUser = "portal_user"
}

public struct StaffMember: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case admin, agent
    }

    public var id: Int
    public var username: String
    public var displayName: String
    public var role: Role
    public var team: String
}

/// A customer organisation of an IT vendor (C1, C2).
public struct Customer: Sendable, Equatable {
    /// One of the customer's own system administrators, shown to its staff after sign-in.
    public struct Admin: Sendable, Equatable {
        public var name: String
        public var email: String
        public var phone: String

        public init(name: String, email: String, phone: String) {
            self.name = name
            self.email = email
            self.phone = phone
        }
    }

    public var id: Int
    /// The organisation's code in the tenant (KH0001, or one given): what tells two of one name apart.
    public var code: String
    public var name: String
    public var warrantyUntil: Date?

    public init(id: Int, code: String, name: String, warrantyUntil: Date?) {
        self.id = id
        self.code = code
        self.name = name
        self.warrantyUntil = warrantyUntil
    }
}

/// A customer as its provider's staff manage it: whether it holds a token (issued when), its
/// warranty, who manages the account.
public struct CustomerAccount: Sendable, Equatable {
    public var code: String
    public var name: String
    /// The last day of the warranty, at midnight UTC (a `date` column).
    public var warrantyUntil: Date?
    /// Nil when the customer has no token (never issued, or revoked).
    public var tokenIssuedAt: Date?
    public var accountManager: String?
}

public struct PortalUser: Sendable, Equatable {
    public var id: Int
    public var username: String
    public var displayName: String
    public var kind: String
}
