import Platform
import Rotation
import Synchronization
import SystemPackage

/// The state file's lock, held while this daemon rotates or saves: taken by the first of its jobs, released by the
/// last, so its own jobs run side by side while a `logrotate` or `logrotated rotate` pass (which holds the same
/// lock for its whole run) and the daemon never rotate at the same time.
///
/// The wait is bounded: whoever can open the state file can hold its lock for ever, so a wait that runs out gives
/// up with a warning naming the holder, and the caller retries later.
final class StateLease: Sendable {
    private struct Held: ~Copyable {
        var lock: StateLock?
        var holders = 0
    }

    let path: FilePath
    let timeout: Duration
    private let held = Mutex(Held())

    init(path: FilePath, timeout: Duration) {
        self.path = path
        self.timeout = timeout
    }

    /// Takes the lock (or joins this daemon's holders); false, with a warning or error, when it cannot be had.
    func acquire(reporter: RunReporter) -> Bool {
        held.withLock { held in
            if held.holders > 0 {
                held.holders += 1
                return true
            }
            do throws(StateLockError) {
                let lock = try StateLock(path: path, waitingUpTo: timeout)
                if let warning = lock.warning { reporter.warning(warning) }
                held.lock = consume lock
            } catch .alreadyLocked(let path) {
                reporter.warning(Self.stillLocked(path, after: timeout))
                return false
            } catch {
                reporter.error(error.description)
                return false
            }
            held.holders = 1
            return true
        }
    }

    /// Leaves the holders; the last one releases the lock.
    func release() {
        held.withLock { held in
            held.holders -= 1
            guard held.holders == 0, let lock = held.lock.take() else { return }
            lock.release()
        }
    }

    /// `state file X is still locked after 60.0 seconds (by pid 1234 (flock)): skipping …; retrying later`.
    static func stillLocked(_ path: FilePath, after timeout: Duration) -> String {
        let holders = LockHolder.holders(of: path)
        let by = holders.isEmpty ? "" : " (by \(holders.map(\.description).joined(separator: ", ")))"
        return "state file \(path) is still locked after \(timeout)\(by): "
            + "skipping this state update and the rotations waiting for it; retrying later"
    }
}
