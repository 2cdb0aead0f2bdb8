import Foundation
import PGStore
import ServiceLevels

/// A ticket's two service-level clocks (PRODUCT.md B10), rebuilt from stored facts each time: the
/// creation time, the targets of its team and priority, and the pauses its timeline shows (time in
/// a stage that pauses the clock, or in a terminal stage: a reopened ticket's clock runs on).
struct TicketClocks {
    enum Kind: String, CaseIterable {
        case response, resolution
    }

    /// A warning or breach reached now that was not raised before.
    struct Mark: Equatable {
        var kind: Kind
        var status: SLAClock.Status

        var key: String { "\(kind.rawValue)_\(status == .breached ? "breach" : "warning")" }
    }

    struct Evaluation {
        var state: ClockState
        var newMarks: [Mark]
        /// When to look again (the next warning or due instant still ahead); nil while every clock
        /// is stopped or done.
        var nextCheck: Date?
    }

    static let warningAt = 0.8

    static func evaluate(
        ticket: Ticket,
        timeline: [TicketEvent],
        workflow: Workflow,
        state: ClockState,
        policy: ServiceLevelPolicy,
        calendar: BusinessCalendar,
        now: Date
    ) throws -> Evaluation {
        let pauses = pauses(timeline, workflow: workflow)
        var result = Evaluation(state: state, newMarks: [], nextCheck: nil)
        let targets: [(Kind, Int)] = [(.response, policy.firstResponseMinutes * 60), (.resolution, policy.resolutionMinutes * 60)]
        for (kind, target) in targets {
            let clock = SLAClock(calendar: calendar, start: ticket.createdAt, target: target, pauses: pauses)
            let due = try clock.due
            if kind == .response { result.state.firstResponseDue = due } else { result.state.resolutionDue = due }
            // The first response clock stops for good at the first answer.
            if kind == .response && state.firstResponseAt != nil { continue }
            let reached: [SLAClock.Status] =
                switch clock.status(at: now, warningAt: warningAt) {
                case .onTrack: []
                case .warning: [.warning]
                case .breached: [.warning, .breached]
                }
            for status in reached {
                let mark = Mark(kind: kind, status: status)
                if !result.state.marks.contains(mark.key) {
                    result.newMarks.append(mark)
                    result.state.marks.insert(mark.key)
                }
            }
            let warning = try SLAClock(calendar: calendar, start: ticket.createdAt, target: Int(Double(target) * warningAt), pauses: pauses).due
            let ahead = [warning, due].compactMap { $0 }.filter { $0 > now }.min()
            if let ahead { result.nextCheck = min(result.nextCheck ?? ahead, ahead) }
        }
        return result
    }

    /// Stretches spent in stages that pause the clock or end the ticket, from the transitions.
    static func pauses(_ timeline: [TicketEvent], workflow: Workflow) -> [SLAClock.Pause] {
        var pauses: [SLAClock.Pause] = []
        var pausedSince: Date?
        for event in timeline where event.kind == .transition {
            guard let to = event.toStage.flatMap(workflow.stage) else { continue }
            let stops = to.pausesClock || to.terminal
            if stops, pausedSince == nil {
                pausedSince = event.occurredAt
            } else if !stops, let since = pausedSince {
                pauses.append(.init(from: since, to: event.occurredAt))
                pausedSince = nil
            }
        }
        if let since = pausedSince { pauses.append(.init(from: since, to: nil)) }
        return pauses
    }
}
