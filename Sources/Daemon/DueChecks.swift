import Platform
import SystemPackage

/// The loop's checks for due jobs: one runs at a time, off the loop (it may wait for the state lock); those asked for
/// meanwhile wait, merged by kind (every log; the files that reached a size limit).
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
    }

    private var current: Scope?
    /// A check of every log asked for while one ran.
    private var waitingAll = false
    /// Files that reached a size limit while a check ran: checked after it (a check of every log looks at calendar
    /// deadlines only, so they are never merged into one).
    private var waitingFiles: Set<FilePath> = []

    /// Whether a check runs now.
    var running: Bool { current != nil }

    /// Whether a check of every log runs or waits: the calendar timer need not fire again until it is done (the
    /// next deadline is computed after it).
    var fullCheckOutstanding: Bool { current == .all || waitingAll }

    /// Asks for a check of `scope`; returns the scope to start now, or `nil` when it waits for the running one.
    mutating func request(_ scope: Scope) -> Scope? {
        guard running else {
            current = scope
            return scope
        }
        switch scope {
        case .all: waitingAll = true
        case .files(let files): waitingFiles.formUnion(files)
        }
        return nil
    }

    /// Marks the running check finished; returns the waiting scope to start now, if any: every log first, then
    /// the files.
    mutating func finish() -> Scope? {
        if waitingAll {
            waitingAll = false
            current = .all
        } else if !waitingFiles.isEmpty {
            current = .files(waitingFiles)
            waitingFiles = []
        } else {
            current = nil
        }
        return current
    }
}
