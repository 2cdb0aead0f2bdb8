import Foundation

/// A request's contact person as typed, checked and normalised (PRODUCT.md B4): email trimmed and
/// lower-cased; a Vietnamese phone number reduced to its national form `0…` whether written with
/// +84, 84 or 0, spaces, dots or dashes.
struct ContactDetails: Sendable, Equatable {
    var name: String
    var email: String
    var phone: String

    init(name: String?, email: String?, phone: String?) throws(PortalError) {
        if let problem = Self.problems(name: name, email: email, phone: phone).first { throw problem }
        self.name = (try? TextInput.optional(name, field: "contact.name", limit: 200)) ?? ""
        self.email = Self.normalizedEmail(email ?? "") ?? ""
        self.phone = Self.normalizedPhone(phone ?? "") ?? ""
    }

    /// Everything wrong with the three fields at once, each naming its field: a form shows them
    /// all next to their fields, the API answers with the first.
    static func problems(name: String?, email: String?, phone: String?) -> [PortalError] {
        var problems: [PortalError] = []
        do {
            if try TextInput.optional(name, field: "contact.name", limit: 200) == nil {
                problems.append(.invalid(field: "contact.name", .contactNameRequired))
            }
        } catch {
            problems.append(error)
        }
        if normalizedEmail(email ?? "") == nil { problems.append(.invalid(field: "contact.email", .emailInvalid)) }
        if normalizedPhone(phone ?? "") == nil { problems.append(.invalid(field: "contact.phone", .phoneInvalid)) }
        return problems
    }

    /// `local@domain.tld` with no spaces, one @, and a dot in the domain; nil otherwise.
    static func normalizedEmail(_ text: String) -> String? {
        let email = text.trimmed.lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty,
            !email.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else { return nil }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), labels.last!.count >= 2 else { return nil }
        return email
    }

    /// `0` followed by 9 or 10 digits (mobile and landline), from +84 / 84 / 0 forms; nil otherwise.
    static func normalizedPhone(_ text: String) -> String? {
        var digits = text.trimmed
        let international = digits.hasPrefix("+")
        digits = String(digits.drop { $0 == "+" }.filter { !" .-()".contains($0) })
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if digits.hasPrefix("84") && (international || digits.count >= 11) {
            digits = "0" + digits.dropFirst(2)
        } else if international {
            return nil
        }
        guard digits.hasPrefix("0"), (10...11).contains(digits.count) else { return nil }
        return digits
    }
}
