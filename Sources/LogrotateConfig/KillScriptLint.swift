import Platform

/// Finds the unchecked ways scripts signal a daemon (`kill -USR2 $(cat PIDFILE)`, `` kill -HUP `cat PIDFILE` ``,
/// `kill -s SIG $(cat …)`, `pkill -SIG NAME`, `systemctl kill -s SIG UNIT`) and suggests the `signal` directive, which
/// refuses to send a signal that the process would die of.
///
/// Motivation: Zope 4 dropped its SIGUSR2 handler and the nightly `kill -USR2 $(cat Z4.pid)` then killed it.
enum KillScriptLint {
    /// One unchecked signal in a script: the line (0 = the keyword's line), the text and the suggestion.
    struct Finding: Equatable {
        var lineOffset: Int
        var command: String
        var signal: Signal
        /// The equivalent directive, when the target is a pidfile or a unit.
        var suggestion: String
    }

    private nonisolated(unsafe) static let killWithPidFile =
        #/(?:^|[\s;&|(])(?:/bin/|/usr/bin/)?kill\s+(?:-s\s+|--signal\s+|-)(?:SIG)?(\w+)\s+"?(?:\$\(\s*cat\s+([^\s)]+)[^)]*\)|`\s*cat\s+([^\s`]+)[^`]*`)"?/#
    private nonisolated(unsafe) static let pkill =
        #/(?:^|[\s;&|(])(?:/usr/bin/)?pkill\s+(?:--signal\s+|-)(?:SIG)?(\w+)\s+(?:-\w+\s+)*(\S+)/#
    private nonisolated(unsafe) static let systemctlKill =
        #/(?:^|[\s;&|(])systemctl\s+kill\s+(?:--kill-whom?=\w+\s+)?(?:-s\s+|--signal[=\s])(?:SIG)?(\w+)\s+(?:--kill-whom?=\w+\s+)?([\w@.\-]+)/#

    /// Every unchecked signal in `script`.
    static func findings(in script: String) -> [Finding] {
        var findings: [Finding] = []
        for (offset, line) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let finding = finding(in: String(line)) {
                findings.append(
                    Finding(lineOffset: offset, command: finding.0, signal: finding.1, suggestion: finding.2)
                )
            }
        }
        return findings
    }

    private static func finding(in line: String) -> (String, Signal, String)? {
        if let match = line.firstMatch(of: killWithPidFile), let signal = Signal(parsing: String(match.1)) {
            let path = String(match.2 ?? match.3 ?? "")
            return (trimmed(match.0), signal, "signal \(short(signal)) pidfile \(path)")
        }
        if let match = line.firstMatch(of: systemctlKill), let signal = Signal(parsing: String(match.1)) {
            return (trimmed(match.0), signal, "signal \(short(signal)) unit \(match.2)")
        }
        if let match = line.firstMatch(of: pkill), let signal = Signal(parsing: String(match.1)) {
            return (trimmed(match.0), signal, "signal \(short(signal)) pidfile /PATH/TO/\(match.2).pid")
        }
        return nil
    }

    private static func short(_ signal: Signal) -> String {
        signal.number > 31 ? String(signal.number) : String(signal.name.dropFirst(3))
    }

    private static func trimmed(_ text: Substring) -> String {
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
