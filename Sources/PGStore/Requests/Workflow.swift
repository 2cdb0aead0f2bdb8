/// A ticket type's ordered stages and the moves allowed between them (PRODUCT.md B2).
public struct Workflow: Sendable, Equatable {
    public struct Stage: Sendable, Equatable {
        public var key: String
        public var nameVi: String
        public var nameEn: String
        public var customerVisible: Bool
        public var terminal: Bool
        /// The service-level clocks stop while a ticket is here (waiting on the customer, B10).
        public var pausesClock: Bool

        public init(_ key: String, vi: String, en: String, customerVisible: Bool = true, terminal: Bool = false, pausesClock: Bool = false) {
            self.key = key
            self.nameVi = vi
            self.nameEn = en
            self.customerVisible = customerVisible
            self.terminal = terminal
            self.pausesClock = pausesClock
        }
    }

    public struct Transition: Sendable, Hashable {
        public var from: String
        public var to: String

        public init(_ from: String, _ to: String) {
            self.from = from
            self.to = to
        }
    }

    public var ticketType: String
    public var codePrefix: String
    public var nameVi: String
    public var nameEn: String
    public var stages: [Stage]
    public var transitions: [Transition]

    public init(
        ticketType: String,
        codePrefix: String,
        nameVi: String,
        nameEn: String,
        stages: [Stage],
        transitions: [Transition]
    ) {
        self.ticketType = ticketType
        self.codePrefix = codePrefix
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.stages = stages
        self.transitions = transitions
    }

    /// New tickets start in the first stage.
    public var firstStage: Stage { stages[0] }

    public func stage(_ key: String) -> Stage? {
        stages.first { $0.key == key }
    }

    /// The stage a customer is shown for a ticket in `key`: the last stage up to it that customers
    /// see, so a hidden stage reads as the visible one before it.
    public func customerStage(of key: String) -> Stage {
        let index = stages.firstIndex { $0.key == key } ?? 0
        return stages[...index].last { $0.customerVisible } ?? firstStage
    }

    public func allows(from: String, to: String) -> Bool {
        transitions.contains(Transition(from, to))
    }
}
