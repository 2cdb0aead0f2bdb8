/// Ticket priority as stored in the database; SLA policies are set per team and priority.
public enum Priority: String, CaseIterable, Sendable {
    case low, normal, high, urgent

    /// One step more urgent, for automatic escalation; urgent is already the top and stays.
    public var escalated: Priority {
        switch self {
        case .low: .normal
        case .normal: .high
        case .high, .urgent: .urgent
        }
    }
}
