import Foundation
import Logging
import PGStore
import PostgresNIO

/// What sign-in failures are counted against, and how each holds attempts back (PRODUCT.md I4).
///
/// - Five failures for one username from one address lock that pair out for 15 minutes: a guesser
///   is stopped, and the owner signing in from elsewhere still gets in.
/// - Twenty failures from one address, whatever the usernames, lock the address out (an office
///   behind one address has room for its own typos).
/// - A username failing from many addresses is slowed down, never locked: from its tenth failure in
///   the window on (more than one address's share), each attempt waits after the last failure, 1 s
///   doubling up to 30 s (429 with Retry-After), so guesses spread over many addresses come one at a
///   time and its owner waits at most half a minute.
/// - Public tracking counts misses per address only, never per ticket code: codes are sequential,
///   and a per-code lock would let anyone lock any ticket's tracking.
struct SignInLimit: Sendable {
    enum Rule: Sendable {
        /// Refused for the rest of the window after this many failures.
        case lockAfter(Int)
        /// From this many failures on, each attempt waits after the last one, doubling up to 30 s.
        case slowAfter(Int)
    }

    var subject: String
    var rule: Rule

    static let window: TimeInterval = 15 * 60
    static let maxFailures = 5
    static let maxAddressFailures = 20
    static let slowUsernameAfter = 10
    static let longestWait: TimeInterval = 30

    static func pair(username: String, address: String) -> SignInLimit {
        SignInLimit(subject: "pair:\(address) \(username)", rule: .lockAfter(maxFailures))
    }

    static func address(_ address: String) -> SignInLimit {
        SignInLimit(subject: "addr:" + address, rule: .lockAfter(maxAddressFailures))
    }

    static func username(_ username: String) -> SignInLimit {
        SignInLimit(subject: "user:" + username, rule: .slowAfter(slowUsernameAfter))
    }

    static func tracking(address: String) -> SignInLimit {
        SignInLimit(subject: "track-addr:" + address, rule: .lockAfter(maxFailures))
    }

    /// Seconds until an attempt may be made, given the subject's failures in the window; nil when now.
    func wait(failures: Int, oldest: Date, newest: Date, now: Date) -> Int? {
        let until: Date
        switch rule {
        case .lockAfter(let limit):
            guard failures >= limit else { return nil }
            until = oldest.addingTimeInterval(Self.window)
        case .slowAfter(let limit):
            guard failures >= limit else { return nil }
            let doublings = Double(min(failures - limit, 5))
            until = newest.addingTimeInterval(min(pow(2, doublings), Self.longestWait))
        }
        let seconds = until.timeIntervalSince(now)
        return seconds > 0 ? Int(seconds.rounded(.up)) : nil
    }

    /// 429 with the seconds to wait when any of `limits` holds the attempt back, after taking their
    /// subjects' locks (so the answer holds until the caller's transaction ends); shared by sign-in
    /// and public tracking, which guess-proof the same way.
    static func refuseHeldBack(_ limits: [SignInLimit], on connection: PostgresConnection, logger: Logger) async throws {
        let store = AccessStore()
        let subjects = limits.map(\.subject)
        try await store.lockSignInSubjects(subjects, on: connection, logger: logger)
        let now = Date()
        let failures = try await store.failedSignIns(subjects: subjects, since: now.addingTimeInterval(-window), on: connection, logger: logger)
        let waits = limits.compactMap { limit -> Int? in
            guard let found = failures[limit.subject] else { return nil }
            return limit.wait(failures: found.count, oldest: found.oldest, newest: found.newest, now: now)
        }
        if let longest = waits.max() { throw PortalError.tooManySignIns(retryAfter: max(1, longest)) }
    }
}
