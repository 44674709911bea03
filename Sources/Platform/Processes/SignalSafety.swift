/// Whether sending a signal to a process is safe: the check to run before a `postrotate` `kill -USR2`.
///
/// Motivation: Zope 4 dropped its `SIGUSR2` handler, and the nightly `kill -USR2 $(cat Z4.pid)` of logrotate's
/// postrotate then killed it, because the default action of `SIGUSR2` is to terminate.
package enum SignalSafety {
    /// What a signal would do to a process.
    package enum Verdict: Hashable, Sendable {
        /// The process has a handler: it survives (and presumably reopens its logs).
        case handled
        /// The process ignores the signal (`SIG_IGN`): it survives but does nothing.
        case ignored
        /// Not caught, but the default action is harmless (`ignore` as for `SIGCHLD`, or `continue`).
        case harmlessDefault(Signal.DefaultAction)
        /// Every thread blocks it: it stays pending and takes its default action once unblocked.
        case blocked
        /// Not caught: the process would stop (`SIGSTOP`, `SIGTSTP`, …).
        case wouldStop
        /// Not caught: the process would die (`terminate`, or `core` with a core dump).
        case wouldTerminate(Signal.DefaultAction)
        /// There is no such process, or it has already exited.
        case noSuchProcess

        /// Whether the process keeps running normally after the signal.
        package var isSafe: Bool {
            switch self {
            case .handled, .ignored, .harmlessDefault: return true
            case .blocked, .wouldStop, .wouldTerminate, .noSuchProcess: return false
            }
        }
    }

    /// What `signal` would do to process `pid`.
    /// - Throws: `PlatformError` when `/proc/PID/status` can't be read or parsed for another reason than a missing
    ///   process (that is `.noSuchProcess`).
    package static func check(
        signal: Signal,
        pid: Int32,
        in table: ProcessTable = .live
    ) throws(PlatformError) -> Verdict {
        let disposition: SignalDisposition
        do {
            disposition = try SignalDisposition.read(pid: pid, in: table)
        } catch {
            if error.code == .notFound { return .noSuchProcess }
            throw error
        }
        return verdict(for: signal, disposition)
    }

    /// The verdict for `signal` under `disposition`; handlers win over blocking, as the handler runs once unblocked.
    package static func verdict(for signal: Signal, _ disposition: SignalDisposition) -> Verdict {
        if disposition.hasExited { return .noSuchProcess }
        if disposition.caught.contains(signal) { return .handled }
        if disposition.ignored.contains(signal) { return .ignored }
        switch signal.defaultAction {
        case .ignore, .continue: return .harmlessDefault(signal.defaultAction)
        case _ where disposition.blocked.contains(signal): return .blocked
        case .stop: return .wouldStop
        case .terminate, .core: return .wouldTerminate(signal.defaultAction)
        }
    }
}
