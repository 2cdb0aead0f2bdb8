import ServiceLevels
import Testing

struct PriorityTests {
    @Test func escalatesOneStepAndStopsAtUrgent() {
        #expect(Priority.low.escalated == .normal)
        #expect(Priority.normal.escalated == .high)
        #expect(Priority.high.escalated == .urgent)
        #expect(Priority.urgent.escalated == .urgent)
    }

    @Test func rawValuesMatchTheStoredText() {
        #expect(Priority.allCases.map(\.rawValue) == ["low", "normal", "high", "urgent"])
        #expect(Priority(rawValue: "urgent") == .urgent)
        #expect(Priority(rawValue: "Urgent") == nil)
    }
}
