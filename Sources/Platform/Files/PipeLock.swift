import Synchronization
import SystemPackage

/// The lock `logrotated pipe` holds for as long as it writes a log: an exclusive `flock` on `.NAME.logrotated-pipe.lock`
/// beside the log (hidden, so `*` and `*.log` patterns never match it). `rotate` and the daemon leave a log whose lock
/// another process holds to that process, which rotates it itself.
///
/// `flock` locks belong to open file descriptions, so the process holding the lock would see it as held too: locks
/// taken here are remembered, and ``holding(_:)`` reports them as `.thisProcess`.
package final class PipeLock: Sendable {
    /// The log written under this lock.
    package let log: FilePath
    /// The lock file beside it.
    package let lockFile: FilePath
    private let descriptor: Int32

    /// Who holds the pipe lock of a log.
    package enum Holding: Equatable, Sendable {
        /// Nobody: no pipe writes the log.
        case nobody
        /// A `PipeLock` of this process.
        case thisProcess
        /// Another process (its pid and command when `/proc/locks` tells).
        case otherProcess([LockHolder])
    }

    /// Takes the lock of `log`, creating the lock file (mode 0600) when missing; a lock held elsewhere is tried again
    /// every 20 ms for up to `patience` (another process may be only testing it with a shared lock).
    /// - Throws: `PlatformError` `.wouldBlock` when another process still holds it, naming the holder; another code
    ///   when the lock file cannot be opened or locked.
    package init(log: FilePath, patience: Duration = .seconds(1)) throws(PlatformError) {
        self.log = log
        lockFile = Self.lockFile(for: log)
        let flags = OpenFlags.readWrite | OpenFlags.create | OpenFlags.noFollow
        let fd = try system_open(lockFile, flags, 0o600).orThrow("open", lockFile)
        switch BoundedLockWait.lockExclusive(
            fd,
            until: ContinuousClock.now.advanced(by: patience),
            every: .milliseconds(20)
        ) {
        case .success:
            descriptor = fd
            heldHere.withLock { _ = $0.insert(lockFile) }
        case .failure(let errno):
            system_close(fd)
            guard errno == .wouldBlock else { throw .syscall("lock", lockFile, errno) }
            let holders = LockHolder.holders(of: lockFile).map(\.description).joined(separator: ", ")
            let by = holders.isEmpty ? "another process" : holders
            throw PlatformError(.wouldBlock, "\(log) is already written by \(by) (lock \(lockFile))", errno: errno)
        }
    }

    deinit {
        heldHere.withLock { _ = $0.remove(lockFile) }
        system_close(descriptor)
    }

    /// `DIR/.NAME.logrotated-pipe.lock` for the log `DIR/NAME`.
    package static func lockFile(for log: FilePath) -> FilePath {
        let name = log.lastComponent?.string ?? "log"
        return log.removingLastComponent().appending(".\(name).logrotated-pipe.lock")
    }

    /// Who holds the pipe lock of `log` now: one `open` when there is no lock file (the usual case), then a shared
    /// `flock` that fails only while an exclusive one is held, released at once.
    package static func holding(_ log: FilePath) -> Holding {
        let file = lockFile(for: log)
        // Never followed, never blocking: a symlink, FIFO or device planted at the name is nobody's lock.
        guard let (fd, _) = try? RegularFile.open(file, OpenFlags.readOnly) else { return .nobody }
        defer { system_close(fd) }
        if heldHere.withLock({ $0.contains(file) }) { return .thisProcess }
        guard case .failure(.wouldBlock) = system_flockSharedNoWait(fd) else { return .nobody }
        return .otherProcess(LockHolder.holders(of: file))
    }
}

/// The lock files whose `PipeLock` this process holds.
private let heldHere = Mutex<Set<FilePath>>([])
