/// How a process treats signals, from the `SigCgt`, `SigIgn` and `SigBlk` masks of `/proc/PID/status`.
///
/// Handlers are shared by all threads, so `caught` and `ignored` are the process's. Masks are per thread and the kernel
/// delivers a process signal to any thread that does not block it, so `blocked` holds only the signals that every
/// thread blocks (`/proc/PID/task/*/status`).
///
/// A caveat that no mask can show: runtimes such as Go and the JVM install handlers for most signals and then decide
/// themselves (Go exits on an unrequested `SIGUSR2`), so `caught` proves a handler exists, not that it reopens logs.
package struct SignalDisposition: Hashable, Sendable {
    /// Signals with a handler installed (`SigCgt`).
    package var caught: SignalSet
    /// Signals set to `SIG_IGN` (`SigIgn`).
    package var ignored: SignalSet
    /// Signals blocked by every thread (`SigBlk`).
    package var blocked: SignalSet
    /// Whether the process has already exited and waits to be reaped (state `Z` or `X`).
    package var hasExited: Bool

    package init(caught: SignalSet, ignored: SignalSet, blocked: SignalSet, hasExited: Bool = false) {
        self.caught = caught
        self.ignored = ignored
        self.blocked = blocked
        self.hasExited = hasExited
    }

    /// Reads the disposition of process `pid`.
    /// - Throws: `PlatformError` `.notFound` when there is no such process, `.other` when the status can't be parsed.
    package static func read(pid: Int32, in table: ProcessTable = .live) throws(PlatformError) -> SignalDisposition {
        let fields = try table.status(of: pid)
        let state = fields["State"]?.first
        var disposition = SignalDisposition(
            caught: try mask("SigCgt", in: fields, pid: pid),
            ignored: try mask("SigIgn", in: fields, pid: pid),
            blocked: try mask("SigBlk", in: fields, pid: pid),
            hasExited: state == "Z" || state == "X"
        )
        for thread in table.threadIDs(of: pid) {
            guard let threadFields = try? table.status(of: pid, thread: thread),
                let threadBlocked = try? mask("SigBlk", in: threadFields, pid: pid)
            else { continue }  // the thread ended meanwhile
            disposition.blocked.rawValue &= threadBlocked.rawValue
        }
        return disposition
    }

    private static func mask(_ name: String, in fields: [String: String], pid: Int32) throws(PlatformError) -> SignalSet
    {
        guard let text = fields[name], let set = SignalSet(hexMask: text) else {
            throw PlatformError(.other, "/proc/\(pid)/status has no valid \(name) line")
        }
        return set
    }
}
