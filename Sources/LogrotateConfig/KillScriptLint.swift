import Platform

/// Finds the unchecked ways scripts signal a daemon (`kill -USR2 $(cat PIDFILE)`, `` kill -HUP `cat PIDFILE` ``,
/// `kill -s SIG $(cat …)`, `pkill -SIG NAME`, `systemctl kill -s SIG UNIT`) and suggests the `signal` directive, which
/// refuses to send a signal that the process would die of.
///
/// Motivation: Zope 4 dropped its SIGUSR2 handler and the nightly `kill -USR2 $(cat Z4.pid)` then killed it.
public enum KillScriptLint {
    /// One unchecked signal in a script: the line (0 = the keyword's line), the text and the suggestion.
    public struct Finding: Equatable, Sendable {
        public var lineOffset: Int
        /// The command as written.
        public var command: String
        public var signal: Signal
        /// The pidfile or unit it signals (`nil` for `pkill NAME`).
        public var target: SignalTarget?
        /// The equivalent `signal` directive.
        public var suggestion: String
    }

    private nonisolated(unsafe) static let killWithPidFile =
        #/(?:^|[\s;&|(])(?:/bin/|/usr/bin/)?kill\s+(?:-s\s+|--signal\s+|-)(?:SIG)?(\w+)\s+"?(?:\$\(\s*cat\s+([^\s)]+)[^)]*\)|`\s*cat\s+([^\s`]+)[^`]*`)"?/#
    private nonisolated(unsafe) static let pkill =
        #/(?:^|[\s;&|(])(?:/usr/bin/)?pkill\s+(?:--signal\s+|-)(?:SIG)?(\w+)\s+(?:-\w+\s+)*(\S+)/#
    private nonisolated(unsafe) static let systemctlKill =
        #/(?:^|[\s;&|(])systemctl\s+kill\s+(?:--kill-whom?=\w+\s+)?(?:-s\s+|--signal[=\s])(?:SIG)?(\w+)\s+(?:--kill-whom?=\w+\s+)?([\w@.\-]+)/#

    /// Every unchecked signal in `script`.
    public static func findings(in script: String) -> [Finding] {
        script.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            finding(in: String(line), offset: offset)
        }
    }

    private static func finding(in line: String, offset: Int) -> Finding? {
        if let match = line.firstMatch(of: killWithPidFile), let signal = Signal(parsing: String(match.1)) {
            return Finding(offset, match.0, signal, .pidFile(String(match.2 ?? match.3 ?? "")))
        }
        if let match = line.firstMatch(of: systemctlKill), let signal = Signal(parsing: String(match.1)) {
            return Finding(offset, match.0, signal, .unit(String(match.2)))
        }
        if let match = line.firstMatch(of: pkill), let signal = Signal(parsing: String(match.1)) {
            var finding = Finding(offset, match.0, signal, nil)
            finding.suggestion = "signal \(short(signal)) pidfile /PATH/TO/\(match.2).pid"
            return finding
        }
        return nil
    }

    fileprivate static func short(_ signal: Signal) -> String {
        signal.number > 31 ? String(signal.number) : String(signal.name.dropFirst(3))
    }

    fileprivate static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0.isWhitespace || ";&|(".contains($0) })
    }

    /// The warning for one finding in a `kind` script.
    static func message(_ finding: Finding, in kind: ScriptKind) -> String {
        let fate =
            finding.signal.defaultAction == .terminate || finding.signal.defaultAction == .core
            ? "if the process has no handler for \(finding.signal), it dies (the default action)"
            : "nothing checks what \(finding.signal) does to the process"
        return "\(kind.rawValue) script sends \(finding.signal) unchecked with '\(finding.command)': \(fate); use the "
            + "directive '\(finding.suggestion)' instead, which refuses to send a signal the process would die of"
    }
}

extension KillScriptLint.Finding {
    fileprivate init(_ offset: Int, _ command: Substring, _ signal: Signal, _ target: SignalTarget?) {
        self.lineOffset = offset
        self.command = KillScriptLint.trimmed(command)
        self.signal = signal
        self.target = target
        self.suggestion = target.map { SignalSetting(signal: signal, target: $0).shortDirectiveText } ?? ""
    }
}
