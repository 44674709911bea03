import LogrotateConfig
import Platform
import SystemPackage

/// Whether one log is rotated in this run, and the trail of reasons logrotate reports for it.
///
/// Equivalent logrotate code: `logrotate.c findNeedRotating` (its `state->doRotate` and its messages).
package struct Decision: Equatable, Sendable {
    /// The outcome.
    package enum Verdict: Equatable, Sendable {
        case rotate
        case skip
    }

    /// Rotate or skip.
    package var verdict: Verdict
    /// Every reason logrotate reports, in its order (e.g. `.rotatedInFuture` then `.empty`).
    package var reasons: [Reason]
    /// `Now` and `Last rotated at` as compared, when the decision got that far (not for missing files,
    /// symlinks, hard links or insecure directories); `lastRotated` is what the state entry holds afterwards.
    package var times: (now: LocalTime, lastRotated: LocalTime)?

    package init(verdict: Verdict, reasons: [Reason], times: (now: LocalTime, lastRotated: LocalTime)? = nil) {
        self.verdict = verdict
        self.reasons = reasons
        self.times = times
    }

    /// Whether the log is rotated.
    package var isDue: Bool { verdict == .rotate }

    /// Whether the run's exit code must become 1 (a failed `stat`, an insecure parent directory).
    package var isError: Bool { reasons.contains { $0.affectsExitCode } }

    /// The lines `logrotate -v` prints after `considering log X` (without the `error: ` prefix of errors).
    ///
    /// `Creating new state` (printed by `findState` when the entry was missing) is left to the caller.
    package var messages: [Message] {
        var lines: [Message] = []
        if let times {
            lines.append(Message(.debug, "  Now: \(times.now)"))
            lines.append(Message(.debug, "  Last rotated at \(times.lastRotated)"))
        }
        lines += reasons.compactMap(\.message)
        if isDue { lines.append(Message(.debug, "  log needs rotating")) }
        return lines
    }

    package static func == (lhs: Decision, rhs: Decision) -> Bool {
        lhs.verdict == rhs.verdict && lhs.reasons == rhs.reasons && lhs.times?.now == rhs.times?.now
            && lhs.times?.lastRotated == rhs.times?.lastRotated
    }
}

/// One line of logrotate's output, with its level.
package struct Message: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// logrotate's message levels that the decision uses.
    package enum Level: Equatable, Hashable, Sendable {
        /// Shown with `-v`/`-d` only.
        case debug
        /// Shown always, prefixed `error: `.
        case error
    }

    package var level: Level
    /// The text as logrotate prints it, leading spaces included.
    package var text: String

    package init(_ level: Level, _ text: String) {
        self.level = level
        self.text = text
    }

    /// The line as printed on stderr (`error: ` prefix for errors).
    package var description: String { level == .error ? "error: \(text)" : text }
}
