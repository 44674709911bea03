import SystemPackage

/// logrotate's lock on the state file, held for as long as the value lives (or until `release()`).
///
/// The state file is opened `O_RDWR|O_CLOEXEC`; when it is missing, a stub is created (`O_CREAT|O_EXCL`, mode 0600:
/// logrotate's 0640 lets the group open it, and so hold the lock and stop every rotation). A world-readable state
/// file is not locked (any local user could hold the lock: CVE-2022-1348), nor is `/dev/null`. `flock` locks belong
/// to the open file description, so two `StateLock`s on one file conflict even inside one process.
///
/// Equivalent logrotate code: `logrotate.c lockState`.
package struct StateLock: ~Copyable {
    /// What acquiring did.
    package enum Outcome: Equatable, Sendable {
        /// The exclusive lock is held.
        case locked
        /// Locking was skipped on request (`--skip-state-lock`); the file was still opened or created.
        case skipped
        /// The file is world-readable, so it was not locked (see `warning`).
        case worldReadable
        /// The state path is `/dev/null`: nothing was opened or locked.
        case notNeeded
    }

    /// The state file.
    package let path: FilePath
    package let outcome: Outcome
    /// Whether the state file was missing and an empty stub was created.
    package let createdStub: Bool
    private let descriptor: Int32
    /// The lock file beside the state file (`STATE.lock`), locked first; -1 when not used.
    private let guardDescriptor: Int32

    /// Opens (or creates) the state file and locks it unless `skip`; with `wait` it blocks until the lock is free.
    /// - Throws: `StateLockError.alreadyLocked` when another open file description holds the lock (and not `wait`),
    ///   `StateLockError.failed` when the file cannot be opened, created, inspected or locked.
    package init(path: FilePath, skip: Bool = false, wait: Bool = false) throws(StateLockError) {
        try self.init(path: path, skip: skip, waiting: wait ? .forever : .no)
    }

    /// Opens (or creates) the state file and locks it, trying again every 50 ms for up to `timeout` while another
    /// open file description holds the lock (the calling thread sleeps meanwhile); `timeout` bounds the wait for both
    /// locks together (`STATE.lock`, then the state file), not each.
    /// - Throws: `StateLockError.alreadyLocked` when the lock is still held after `timeout`,
    ///   `StateLockError.failed` when the file cannot be opened, created, inspected or locked.
    package init(path: FilePath, waitingUpTo timeout: Duration) throws(StateLockError) {
        try self.init(path: path, skip: false, waiting: .until(ContinuousClock.now.advanced(by: timeout)))
    }

    private init(path: FilePath, skip: Bool, waiting: Waiting) throws(StateLockError) {
        self.path = path
        guard path != "/dev/null" else {
            (outcome, createdStub, descriptor, guardDescriptor) = (.notNeeded, false, -1, -1)
            return
        }
        let guarding = skip ? -1 : try Self.lockGuard(of: path, waiting: waiting)
        let fd: Int32
        let created: Bool
        let outcome: Outcome
        do {
            (fd, created) = try Self.open(path)
            outcome = try Self.lock(fd, path, skip: skip, waiting: waiting)
        } catch {
            if guarding >= 0 { system_close(guarding) }
            throw error
        }
        if outcome != .locked { system_close(fd) }
        (self.outcome, createdStub, descriptor) = (outcome, created, outcome == .locked ? fd : -1)
        guardDescriptor = guarding
    }

    deinit {
        if descriptor >= 0 { system_close(descriptor) }
        if guardDescriptor >= 0 { system_close(guardDescriptor) }
    }

    /// The lock file beside the state file: never replaced (the state file is, by every write, so a lock on its inode
    /// alone lets a process that opens it after a write lock the new one while the writer still rotates), so every
    /// `logrotated` process excludes the others for as long as it holds it. Created 0600; -1 when it cannot be
    /// created (a read-only directory), leaving the state file's lock alone, as logrotate.
    private static func lockGuard(of path: FilePath, waiting: Waiting) throws(StateLockError) -> Int32 {
        let lockPath = path.appendingToName(".lock")
        let flags = OpenFlags.readWrite | OpenFlags.create | OpenFlags.noFollow
        guard case .success(let fd) = system_open(lockPath, flags, 0o600) else { return -1 }
        switch flock(fd, waiting) {
        case .success: return fd
        case .failure(let errno):
            system_close(fd)
            if errno == .wouldBlock { throw .alreadyLocked(path) }
            throw .failed(.stateLock("error acquiring lock on", lockPath, errno))
        }
    }

    /// Releases the lock now (closing the descriptor), instead of when the value goes away.
    package consuming func release() {}

    /// logrotate's debug lines for what happened: `Creating stub state file: X`, `Skip locking state file X`.
    package var debugMessages: [String] {
        (createdStub ? ["Creating stub state file: \(path)"] : [])
            + (outcome == .skipped ? ["Skip locking state file \(path)"] : [])
    }

    /// logrotate's message when the file is world-readable and therefore not locked; `nil` otherwise.
    package var warning: String? {
        guard outcome == .worldReadable else { return nil }
        return "state file \(path) is world-readable and thus can be locked from other unprivileged users. "
            + "Skipping lock acquisition..."
    }

    private static func open(_ path: FilePath) throws(StateLockError) -> (fd: Int32, created: Bool) {
        switch system_open(path, OpenFlags.readWrite) {
        case .success(let fd):
            return (fd, false)
        case .failure(.noSuchFileOrDirectory):
            let flags = OpenFlags.create | OpenFlags.exclusive | OpenFlags.writeOnly
            switch system_open(path, flags, 0o600) {
            case .success(let fd): return (fd, true)
            case .failure(let errno): throw .failed(.stateLock("error creating stub state file", path, errno))
            }
        case .failure(let errno):
            throw .failed(.stateLock("error opening state file", path, errno))
        }
    }

    /// Locks `fd` (closing it on failure) unless skipped or world-readable.
    private static func lock(
        _ fd: Int32,
        _ path: FilePath,
        skip: Bool,
        waiting: Waiting
    ) throws(StateLockError) -> Outcome {
        if skip { return .skipped }
        let result: Result<Outcome, StateLockError>
        switch system_fstat(fd) {
        case .failure(let errno):
            result = .failure(.failed(.stateLock("error stat()ing state file", path, errno)))
        case .success(let status) where FileStatus(status).permissions & 0o004 != 0:
            result = .success(.worldReadable)
        case .success:
            switch flock(fd, waiting) {
            case .success: result = .success(.locked)
            case .failure(.wouldBlock): result = .failure(.alreadyLocked(path))
            case .failure(let errno):
                result = .failure(.failed(.stateLock("error acquiring lock on state file", path, errno)))
            }
        }
        if case .failure = result { system_close(fd) }
        return try result.get()
    }

    /// How long `flock` may wait.
    private enum Waiting {
        case no, forever
        /// Until this instant, shared by both locks.
        case until(ContinuousClock.Instant)
    }

    /// `flock(LOCK_EX)`; a bounded wait polls `LOCK_NB`, since a blocking `flock` cannot be given a timeout.
    private static func flock(_ fd: Int32, _ waiting: Waiting) -> Result<Void, Errno> {
        switch waiting {
        case .no: return system_flockExclusive(fd, wait: false)
        case .forever: return system_flockExclusive(fd, wait: true)
        case .until(let deadline):
            return BoundedLockWait.lockExclusive(fd, until: deadline, every: .milliseconds(50))
        }
    }
}

/// Why a `StateLock` could not be taken. logrotate exits with status 3 after either.
package enum StateLockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process holds the lock.
    case alreadyLocked(FilePath)
    /// The state file could not be opened, created, inspected or locked.
    case failed(PlatformError)

    /// logrotate's text (without the `error: ` prefix).
    package var description: String {
        switch self {
        case .alreadyLocked(let path):
            return "state file \(path) is already locked\n"
                + "logrotate does not support parallel execution on the same set of logfiles."
        case .failed(let error):
            return error.message
        }
    }
}

extension PlatformError {
    /// A state-lock step that failed: "<what> X: <strerror>", logrotate's wording.
    static func stateLock(_ what: String, _ path: FilePath, _ errno: Errno) -> PlatformError {
        PlatformError(Code(errno), "\(what) \(path): \(errno.description)", errno: errno)
    }
}
