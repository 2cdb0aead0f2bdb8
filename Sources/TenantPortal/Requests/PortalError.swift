import HTTPTypes

/// A refusal the user is told about: an HTTP status, a stable machine code, the field at fault if
/// any, and a reason worded in `Catalog` in Vietnamese and English.
public struct PortalError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case required
        case tooLong(Int)
        case invalidCharacters
        case outOfRange(Int, Int)
        case uploadTooLarge(limit: Int)
        case contactNameRequired
        case emailInvalid
        case phoneInvalid
        case passwordTooShort
        case passwordTooLong
        case currentPasswordWrong
        case passwordUnchanged
        case passwordsDiffer
        case noPassword
        case invitationInvalid
        case usernameInvalid
        case usernameTaken(String)
        case ownAccount
        case tokenExists(String)
        case noCustomer(String)
        case ambiguousCustomer(String, count: Int)
        case customerCodeInvalid(String)
        case invitationExpired
        case unknownTicketType(String)
        case idempotencyKeyReused
        case unknownPriority(String)
        case unknownStage(String)
        case unknownStaff(String)
        case invalidDate(String)
        case invalidCursor
        case malformedBody
        case transitionNotAllowed(from: String, to: String)
        case staleVersion
        case ticketClosed
        case ticketNotFound
        case signInFailed
        case accountEnded
        case tooManySignIns(retryAfter: Int)
        case notSignedIn
        case staffOnly
        case fileRequired
        case fileTooLarge(name: String, limit: Int)
        case unsupportedFileType(name: String)
        case tooManyFiles(limit: Int)
        case attachmentNotFound
        case adminOnly
        case notOneOf(String, allowed: [String])
        case invalidWeeklyHours(String)
        case unknownTimeZone(String)
        case defaultPolicyMissing(priority: String)
        case policyGivenTwice(team: String, priority: String)
        case teamGivenTwice(String)
        case cannedReplyNotFound
        case phoneDigits
        case formExpired
        case viewTooLargeForBulk(limit: Int)
        case ratingLinkInvalid
        case ratingLinkExpired
        case alreadyRated
        case ticketNotFinished
        case hotlineInvalid
        case webAddressInvalid
        case unknownWorkflow(String)
        case stageKeyInvalid(String)
        case stageGivenTwice(String)
        case firstStageTerminal
        case noTerminalStage
        case stageWithoutExit(String)
        case stageInUse(String, tickets: Int)
        case addressNotFound(method: String, path: String)
    }

    public var status: HTTPResponse.Status
    public var code: String
    public var field: String?
    public var reason: Reason

    /// The refusal next to the field it names (the form as a whole when it names none), as a page
    /// shows it.
    func fieldErrors(_ language: Language) -> [String: String] {
        [field ?? "form": Catalog.message(reason, language)]
    }

    static func invalid(field: String, _ reason: Reason) -> PortalError {
        PortalError(status: .unprocessableContent, code: "invalid_field", field: field, reason: reason)
    }

    static let malformedBody = PortalError(status: .badRequest, code: "malformed_body", reason: .malformedBody)
    static let ticketNotFound = PortalError(status: .notFound, code: "not_found", reason: .ticketNotFound)
    static let staleVersion = PortalError(status: .conflict, code: "conflict", reason: .staleVersion)
    static let ticketClosed = PortalError(status: .conflict, code: "ticket_closed", reason: .ticketClosed)
    static let signInFailed = PortalError(status: .unauthorized, code: "sign_in_failed", reason: .signInFailed)
    /// A portal user past their last day (an employee who left, F2), with the right password.
    static let accountEnded = PortalError(status: .forbidden, code: "account_ended", reason: .accountEnded)
    static let notSignedIn = PortalError(status: .unauthorized, code: "unauthenticated", reason: .notSignedIn)
    static let staffOnly = PortalError(status: .forbidden, code: "forbidden", reason: .staffOnly)
    static let adminOnly = PortalError(status: .forbidden, code: "forbidden", reason: .adminOnly)
    static let noPassword = PortalError(status: .forbidden, code: "no_password", reason: .noPassword)
    static let invitationInvalid = PortalError(status: .forbidden, code: "link_invalid", reason: .invitationInvalid)
    static let invitationExpired = PortalError(status: .gone, code: "link_expired", reason: .invitationExpired)
    static let cannedReplyNotFound = PortalError(status: .notFound, code: "not_found", reason: .cannedReplyNotFound)

    static let attachmentNotFound = PortalError(status: .notFound, code: "not_found", reason: .attachmentNotFound)
    static let ratingLinkInvalid = PortalError(status: .forbidden, code: "link_invalid", reason: .ratingLinkInvalid)
    static let ratingLinkExpired = PortalError(status: .gone, code: "link_expired", reason: .ratingLinkExpired)
    static let alreadyRated = PortalError(status: .conflict, code: "already_rated", reason: .alreadyRated)
    static let ticketNotFinished = PortalError(status: .conflict, code: "ticket_not_finished", reason: .ticketNotFinished)

    static let ownAccount = PortalError(status: .conflict, code: "own_account", reason: .ownAccount)

    static func tokenExists(_ customer: String) -> PortalError {
        PortalError(status: .conflict, code: "token_exists", field: "customer", reason: .tokenExists(customer))
    }

    static func ambiguousCustomer(_ customer: String, count: Int) -> PortalError {
        PortalError(status: .conflict, code: "ambiguous_customer", field: "customer", reason: .ambiguousCustomer(customer, count: count))
    }

    static func customerCodeInvalid(_ code: String) -> PortalError {
        PortalError(status: .unprocessableContent, code: "invalid", field: "code", reason: .customerCodeInvalid(code))
    }

    static func noCustomer(_ customer: String) -> PortalError {
        PortalError(status: .notFound, code: "not_found", field: "customer", reason: .noCustomer(customer))
    }

    static func usernameTaken(_ username: String) -> PortalError {
        PortalError(status: .conflict, code: "username_taken", field: "username", reason: .usernameTaken(username))
    }

    static func staffNotFound(_ username: String) -> PortalError {
        PortalError(status: .notFound, code: "not_found", field: "username", reason: .unknownStaff(username))
    }

    static func fileTooLarge(name: String, limit: Int) -> PortalError {
        PortalError(status: .contentTooLarge, code: "file_too_large", field: "file", reason: .fileTooLarge(name: name, limit: limit))
    }

    static func unsupportedFileType(name: String) -> PortalError {
        PortalError(status: .unsupportedMediaType, code: "unsupported_file_type", field: "file", reason: .unsupportedFileType(name: name))
    }

    static func uploadTooLarge(limit: Int) -> PortalError {
        PortalError(status: .contentTooLarge, code: "file_too_large", field: "file", reason: .uploadTooLarge(limit: limit))
    }

    static func tooManyFiles(limit: Int) -> PortalError {
        PortalError(status: .unprocessableContent, code: "too_many_files", field: "file", reason: .tooManyFiles(limit: limit))
    }

    static func transitionNotAllowed(from: String, to: String) -> PortalError {
        PortalError(status: .conflict, code: "transition_not_allowed", field: "to", reason: .transitionNotAllowed(from: from, to: to))
    }

    static func unknownWorkflow(_ ticketType: String) -> PortalError {
        PortalError(status: .notFound, code: "not_found", reason: .unknownWorkflow(ticketType))
    }

    static func addressNotFound(method: String, path: String) -> PortalError {
        PortalError(status: .notFound, code: "not_found", reason: .addressNotFound(method: method, path: path))
    }

    static func tooManySignIns(retryAfter seconds: Int) -> PortalError {
        PortalError(status: .tooManyRequests, code: "too_many_attempts", reason: .tooManySignIns(retryAfter: seconds))
    }

    init(status: HTTPResponse.Status, code: String, field: String? = nil, reason: Reason) {
        self.status = status
        self.code = code
        self.field = field
        self.reason = reason
    }
}

extension PortalError: CustomStringConvertible {}
