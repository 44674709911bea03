import Platform
import SystemPackage

/// The loop's checks for due jobs: one runs at a time, off the loop (it may wait for the state lock), and those asked
/// for meanwhile merge into one that runs next.
struct DueChecks {
    /// What a check looks at.
    enum Scope: Equatable, Sendable {
        /// Every log.
        case all
        /// The logs of the blocks of files that reached a size limit.
        case files(Set<FilePath>)

        /// The `touched` argument of `RotationDriver.dueJobs`.
        var touched: Set<FilePath>? {
            if case .files(let files) = self { return files }
            return nil
        }

        func merged(with other: Scope) -> Scope {
            guard case .files(let mine) = self, case .files(let theirs) = other else { return .all }
            return .files(mine.union(theirs))
        }
    }

    private var current: Scope?
    private var waiting: Scope?

    /// Whether a check runs now.
    var running: Bool { current != nil }

    /// Whether a check of every log runs or waits: the calendar timer need not fire again until it is done (the
    /// next deadline is computed after it).
    var fullCheckOutstanding: Bool { current == .all || waiting == .all }

    /// Asks for a check of `scope`; returns the scope to start now, or `nil` when it waits for the running one.
    mutating func request(_ scope: Scope) -> Scope? {
        guard running else {
            current = scope
            return scope
        }
        waiting = waiting.map { $0.merged(with: scope) } ?? scope
        return nil
    }

    /// Marks the running check finished; returns the waiting scope to start now, if any.
    mutating func finish() -> Scope? {
        current = waiting
        waiting = nil
        return current
    }
}
