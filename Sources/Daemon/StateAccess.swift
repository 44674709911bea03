import Platform
import Rotation
import Scheduling
import Synchronization
import SystemPackage

/// How the daemon reads and changes the state: the shared state file, or a dry run's copy in memory.
protocol StateAccess: Sendable {
    /// The state as stored now (no lock: the file is replaced atomically).
    func read(reporter: RunReporter) -> StateFile

    /// Applies `change` to the stored state as one read-modify-write; false when the lock could not be taken.
    func update(reporter: RunReporter, _ change: (inout StateFile) -> Void) -> Bool
}

/// The state file, locked as `logrotated rotate` locks it around each read-modify-write only, so a concurrent
/// `rotate` never interleaves and no lock is held while a log is compressed.
///
/// The lock is waited for up to `timeout` (on the caller's thread, which is never the loop's): whoever can open the
/// state file can hold its lock for ever, so a wait that runs out gives up this update with a warning naming the
/// holder, and the caller retries later.
struct LockedStateFile: StateAccess {
    let store: StateStore
    let timeout: Duration

    func read(reporter: RunReporter) -> StateFile {
        store.read(reporter: reporter)
    }

    func update(reporter: RunReporter, _ change: (inout StateFile) -> Void) -> Bool {
        let lock: StateLock
        do {
            lock = try StateLock(path: store.path, waitingUpTo: timeout)
        } catch .alreadyLocked(let path) {
            reporter.warning(Self.stillLocked(path, after: timeout))
            return false
        } catch {
            reporter.error(error.description)
            return false
        }
        if let warning = lock.warning { reporter.warning(warning) }
        var state = store.read(reporter: reporter)
        let before = state
        change(&state)
        if state != before { store.write(state, reporter: reporter) }
        lock.release()
        return true
    }

    /// `state file X is still locked after 60.0 seconds (by pid 1234 (flock)): skipping …; retrying later`.
    static func stillLocked(_ path: FilePath, after timeout: Duration) -> String {
        let holders = LockHolder.holders(of: path)
        let by = holders.isEmpty ? "" : " (by \(holders.map(\.description).joined(separator: ", ")))"
        return "state file \(path) is still locked after \(timeout)\(by): "
            + "skipping this state update and the rotations waiting for it; retrying later"
    }
}

/// A dry run's state: read once, then kept in memory, so a planned rotation counts as done and nothing is written.
final class SimulatedState: StateAccess {
    private let state: Mutex<StateFile>

    init(_ initial: StateFile) {
        state = Mutex(initial)
    }

    func read(reporter: RunReporter) -> StateFile {
        state.withLock { $0 }
    }

    func update(reporter: RunReporter, _ change: (inout StateFile) -> Void) -> Bool {
        state.withLock { change(&$0) }
        return true
    }
}
