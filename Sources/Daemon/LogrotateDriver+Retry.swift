import Platform
import Rotation
import Scheduling
import Synchronization

/// A failed rotation's state entry to give back: `log` gets `previous` again if it still shows `rotatedAt`.
struct EntryRestore: Sendable {
    let log: String
    let rotatedAt: LocalTime
    let previous: LocalTime?
}

extension LogrotateDriver {
    /// Applies `restores` (and those left by earlier updates that could not get the lock), then `change`, under the
    /// lock. When the lock wait runs out nothing is lost: the restores are kept for the next update, and the next
    /// deadline becomes a full check one lock timeout later (`retryDeadline`), which decides every log again.
    func updateState(
        reporter: RunReporter,
        restoring restores: [EntryRestore] = [],
        _ change: (inout StateFile) -> Void
    ) -> Bool {
        let pending = pendingRestores.withLock { pending in
            defer { pending = [] }
            return pending + restores
        }
        let locked = state.update(reporter: reporter) { state in
            for restore in pending where state[restore.log] == restore.rotatedAt {
                state[restore.log] = restore.previous
            }
            change(&state)
        }
        if !locked {
            pendingRestores.withLock { $0 += pending }
            lockRetry.withLock { $0 = true }
        }
        return locked
    }

    /// A full check one lock timeout after `now` while a state update is owed; `nil` otherwise.
    func retryDeadline(after now: Timestamp) -> Deadline? {
        guard lockRetry.withLock({ $0 }) else { return nil }
        let delay = max(1, options.stateLockTimeout.components.seconds)
        return Deadline(
            time: Timestamp(seconds: now.seconds + delay),
            label: "retry: state file \(options.statePath) was locked"
        )
    }
}
