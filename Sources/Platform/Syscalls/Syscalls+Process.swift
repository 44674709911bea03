import CShims
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

// The C library calls behind `PosixProcessRunner`: spawning, pipes, poll, wait and signals.

/// What `system_spawn` starts: argv, environment and the descriptors that become the child's 0, 1 and 2.
internal struct SpawnSpec {
    /// A path, or a bare name searched in `PATH`.
    var file: String
    var argv: [String]
    /// `NAME=value` entries.
    var environment: [String]
    /// Descriptors for the child's stdin, stdout and stderr; -1 inherits ours.
    var descriptors: [Int32]
    var userID: UInt32?
    var groupID: UInt32?
    /// Starts the child in a process group of its own, so a timeout can signal the whole group.
    var newProcessGroup: Bool
}

/// Starts a child: `posix_spawnp` when no ids change, otherwise the fork/setuid/exec helper in CShims.
internal func system_spawn(_ spec: SpawnSpec) -> Result<pid_t, Errno> {
    withCStrings(spec.argv) { argv in
        withCStrings(spec.environment) { envp in
            if spec.userID == nil && spec.groupID == nil {
                return posixSpawn(spec, argv, envp)
            }
            var error: Int32 = 0
            let pid = cshims_spawn_as_user(
                spec.file,
                argv,
                envp,
                spec.descriptors,
                spec.userID == nil ? 0 : 1,
                spec.userID ?? 0,
                spec.groupID == nil ? 0 : 1,
                spec.groupID ?? 0,
                spec.newProcessGroup ? 1 : 0,
                &error
            )
            return pid < 0 ? .failure(Errno(rawValue: error)) : .success(pid)
        }
    }
}

private func posixSpawn(
    _ spec: SpawnSpec,
    _ argv: UnsafePointer<UnsafeMutablePointer<CChar>?>,
    _ envp: UnsafePointer<UnsafeMutablePointer<CChar>?>
) -> Result<pid_t, Errno> {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for (target, fd) in spec.descriptors.enumerated() where fd >= 0 {
        posix_spawn_file_actions_adddup2(&actions, fd, Int32(target))
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // Signals we ignore or block (e.g. for a signal handler) must not stay ignored or blocked in the child.
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
    if spec.newProcessGroup {
        flags |= Int32(POSIX_SPAWN_SETPGROUP)
        posix_spawnattr_setpgroup(&attributes, 0)
    }
    posix_spawnattr_setflags(&attributes, Int16(flags))
    var pid = pid_t()
    let rc = posix_spawnp(&pid, spec.file, &actions, &attributes, argv, envp)
    return rc == 0 ? .success(pid) : .failure(Errno(rawValue: rc))
}

/// Calls `body` with a NULL-terminated C array of copies of `strings`.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// Our environment as `NAME=value` entries.
internal func system_environment() -> [String] {
    var entries: [String] = []
    var cursor = cshims_environ()
    while let entry = cursor?.pointee {
        entries.append(String(cString: entry))
        cursor = cursor?.successor()
    }
    return entries
}

/// A pipe whose both ends are close-on-exec: `(read, write)`.
internal func system_pipe() -> Result<(read: Int32, write: Int32), Errno> {
    var fds: [Int32] = [-1, -1]
    return valueOrErrno { cshims_pipe_cloexec(&fds) }.map { _ in (fds[0], fds[1]) }
}

/// A connected pair of close-on-exec stream sockets.
internal func system_socketpair() -> Result<(Int32, Int32), Errno> {
    var fds: [Int32] = [-1, -1]
    return valueOrErrno { cshims_socketpair_cloexec(&fds) }.map { _ in (fds[0], fds[1]) }
}

/// Writes to a socket without blocking and without SIGPIPE.
internal func system_send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Result<Int, Errno> {
    valueOrErrno { Int(cshims_send_nosignal(fd, buffer.baseAddress, UInt64(buffer.count))) }
}

/// Sets or clears `O_NONBLOCK` on an open file description.
internal func system_setNonBlocking(_ fd: Int32, _ enabled: Bool) -> Result<Void, Errno> {
    valueOrErrno { fcntl(fd, F_GETFL) }.flatMap { flags in
        let updated = enabled ? flags | O_NONBLOCK : flags & ~O_NONBLOCK
        return valueOrErrno { fcntl(fd, F_SETFL, updated) }.map { _ in () }
    }
}

/// `poll` over `(descriptor, events)` pairs; returns the `revents` of each, in order.
internal func system_poll(_ entries: [(fd: Int32, events: Int16)], timeoutMilliseconds: Int32) -> [Int16] {
    var fds = entries.map { pollfd(fd: $0.fd, events: $0.events, revents: 0) }
    switch valueOrErrno(retryOnInterrupt: false, { poll(&fds, nfds_t(fds.count), timeoutMilliseconds) }) {
    case .success: return fds.map(\.revents)
    case .failure: return fds.map { _ in 0 }
    }
}

internal let pollReadable = Int16(POLLIN)
internal let pollWritable = Int16(POLLOUT)

/// A descriptor that becomes readable when `pid` exits, or -1 when the kernel lacks `pidfd_open`.
internal func system_pidfd_open(_ pid: pid_t) -> Int32 {
    cshims_pidfd_open(pid)
}

/// Reaps `pid`: `nil` while it runs (with `wait: false`), else the raw wait status.
internal func system_waitpid(_ pid: pid_t, wait: Bool) -> Int32? {
    var status: Int32 = 0
    switch valueOrErrno({ waitpid(pid, &status, wait ? 0 : WNOHANG) }) {
    case .success(0): return nil
    case .success: return status
    case .failure: preconditionFailure("waitpid(\(pid)) failed: the child was reaped elsewhere")
    }
}

/// Decodes a wait status into an exit code or a signal number.
internal func system_decodeWaitStatus(_ status: Int32) -> TerminationStatus {
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
}

/// Sends `signal` to a process (or to a process group when `pid` is negative); a gone target is ignored.
internal func system_kill(_ pid: pid_t, _ signal: Int32) {
    _ = kill(pid, signal)
}

internal let signalTerminate = SIGTERM
internal let signalKill = SIGKILL

/// Seconds on the monotonic clock.
internal func system_monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
