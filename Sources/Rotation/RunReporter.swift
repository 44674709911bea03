import Platform

/// Where the messages of a pass go: logrotate's `-v`/`-d` trace, warnings and errors.
///
/// Everything goes to standard error as logrotate writes it (`error: ` and `warning: ` prefixes, debug lines
/// only when verbose); a `-l` log file receives every message whatever the verbosity. The daemon instead forwards
/// each message, with its level and without prefix, to a closure (its `Logger`). Counting errors here is how a pass
/// knows its exit status.
package final class RunReporter: @unchecked Sendable {
    /// The importance of a message, as logrotate's `MESS_DEBUG`, `MESS_WARN`, `MESS_ERROR`.
    package enum Level: Sendable {
        case debug
        case warning
        case error
    }

    private let verbose: Bool
    private var console: any TextOutputStream
    private var logFile: (any TextOutputStream)?
    private let forward: (@Sendable (Level, String) -> Void)?
    /// How many errors were reported (any error makes the pass exit 1).
    package private(set) var errorCount = 0

    /// - Parameters:
    ///   - verbose: Whether debug lines reach the console (`-v`, `-d`).
    ///   - console: Usually standard error.
    ///   - logFile: The `-l` destination, receiving every message.
    package init(
        verbose: Bool,
        console: any TextOutputStream = StandardStream.error,
        logFile: (any TextOutputStream)? = nil
    ) {
        self.verbose = verbose
        self.console = console
        self.logFile = logFile
        self.forward = nil
    }

    /// A reporter that hands every message, debug lines included, to `forward` instead of writing it.
    package init(forwardingTo forward: @escaping @Sendable (Level, String) -> Void) {
        self.verbose = true
        self.console = StandardStream.error
        self.logFile = nil
        self.forward = forward
    }

    /// Whether debug lines go anywhere (`-v`, `-d` or a `-l` file): callers skip rendering them otherwise.
    package var wantsDebug: Bool { verbose || logFile != nil }

    /// Reports one message; an error counts towards the exit status unless `countsAsFailure` is false (logrotate
    /// prints some errors, such as a last rotation in the future, without failing).
    package func report(_ level: Level, _ text: String, countsAsFailure: Bool = true) {
        if level == .error && countsAsFailure { errorCount += 1 }
        if let forward { return forward(level, text) }
        let line: String
        switch level {
        case .debug: line = text
        case .warning: line = "warning: " + text
        case .error: line = "error: " + text
        }
        if level != .debug || verbose { console.write(line + "\n") }
        logFile?.write(line + "\n")
    }

    /// Reports a debug line (shown with `-v`/`-d`); the text is not even built when it would go nowhere (a pass
    /// over ten thousand logs formats several lines per log).
    package func debug(_ text: @autoclosure () -> String) {
        guard wantsDebug else { return }
        report(.debug, text())
    }

    /// Reports a warning (always shown; does not change the exit status).
    package func warning(_ text: String) { report(.warning, text) }

    /// Reports an error (always shown; the pass exits 1).
    package func error(_ text: String) { report(.error, text) }
}
