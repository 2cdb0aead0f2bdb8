import Foundation
import Logging
import PGStore

/// Customer organisations' tokens as the tenant's administrators manage them (PRODUCT.md C1), on
/// the customers page and in the API: `Accounts`' work, checked and refused in the
/// administrator's language. A new token is returned once; any change to one is heard by every
/// instance, and this one forgets its cached sign-ins of the tenant at once.
struct CustomerTokens: Sendable {
    let accounts: Accounts
    let signIn: SignInDesk

    struct Issued: Sendable {
        var customer: String
        var code: String
        var token: String
    }

    func customers(by admin: Principal, tenant: Tenant, logger: Logger) async throws -> [CustomerAccount] {
        guard admin.isStaffAdmin else { throw PortalError.adminOnly }
        return try await accounts.customers(tenant: tenant, logger: logger)
    }

    /// A token for a new customer, or one without a token; `warrantyUntil` is `YYYY-MM-DD`. With
    /// `code`, `customer` is the name, and a code not seen before makes a new organisation.
    func issue(customer: String?, code: String?, warrantyUntil: String?, by admin: Principal, tenant: Tenant, logger: Logger) async throws -> Issued {
        let name = try Self.name(customer, admin)
        let code = try TextInput.optional(code, field: "code", limit: 32)
        let warranty = try TextInput.optional(warrantyUntil, field: "warranty_until", limit: 10).map { text throws(PortalError) in
            guard let day = Accounts.warrantyDay(text) else { throw .invalid(field: "warranty_until", .invalidDate(text)) }
            return day
        }
        return try await changing(tenant) {
            let issued = try await accounts.issueToken(tenant: tenant, customer: name, code: code, warrantyUntil: warranty, logger: logger)
            return Issued(customer: name, code: issued.code, token: issued.token)
        }
    }

    /// A new token for the customer; the old one and its sessions stop working at once.
    func rotate(customer: String?, by admin: Principal, tenant: Tenant, logger: Logger) async throws -> Issued {
        let name = try Self.name(customer, admin)
        return try await changing(tenant) {
            let issued = try await accounts.rotateToken(tenant: tenant, customer: name, logger: logger)
            return Issued(customer: name, code: issued.code, token: issued.token)
        }
    }

    func revoke(customer: String?, by admin: Principal, tenant: Tenant, logger: Logger) async throws {
        let name = try Self.name(customer, admin)
        try await changing(tenant) { try await accounts.revokeToken(tenant: tenant, customer: name, logger: logger) }
    }

    private static func name(_ text: String?, _ admin: Principal) throws -> String {
        guard admin.isStaffAdmin else { throw PortalError.adminOnly }
        return try TextInput.required(text, field: "customer", limit: 200)
    }

    private func changing<R>(_ tenant: Tenant, _ change: () async throws -> R) async throws -> R {
        do {
            let result = try await change()
            signIn.forgetHolders(of: tenant)
            return result
        } catch Accounts.Failure.tokenExists(let name) {
            throw PortalError.tokenExists(name)
        } catch Accounts.Failure.noCustomer(let name) {
            throw PortalError.noCustomer(name)
        } catch Accounts.Failure.ambiguousCustomer(let name, let count) {
            throw PortalError.ambiguousCustomer(name, count: count)
        } catch Accounts.Failure.invalidCustomerCode(let code) {
            throw PortalError.customerCodeInvalid(code)
        }
    }
}
