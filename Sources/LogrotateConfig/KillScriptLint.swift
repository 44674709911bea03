import Platform

/// Finds the unchecked ways scripts signal a daemon (`kill -USR2 $(cat PIDFILE)`, `` kill -HUP `cat PIDFILE` ``,
/// `kill -s SIG $(cat …)`, `pkill -SIG NAME`, `systemctl kill -s SIG UNIT`) and suggests the `signal` directive, which
/// refuses to send a signal that the process would die of.
///
/// Motivation: Zope 4 dropped its SIGUSR2 handler and the nightly `kill -USR2 $(cat Z4.pid)` then killed it.
package enum KillScriptLint {
    /// One unchecked signal in a script: the line (0 = the keyword's line), the text and the suggestion.
    package struct Finding: Equatable, Sendable {
        package var lineOffset: Int
        /// The command as written.
        package var command: String
        package var signal: Signal
        /// The pidfile or unit it signals (`nil` for `pkill NAME`).
        package var target: SignalTarget?
        /// The equivalent `signal` directive.
        package var suggestion: String
    }

    /// Every unchecked signal in `script`.
    package static func findings(in script: String) -> [Finding] {
        script.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, line in
            mentionsKill(line) ? finding(in: line, offset: offset) : nil
        }
    }

    /// Whether `line` has `kill` in it, which every shape needs: most script lines are passed over at this cost.
    private static func mentionsKill(_ line: Substring) -> Bool {
        let bytes = line.utf8
        var rest = bytes[...]
        while let letter = rest.firstIndex(of: UInt8(ascii: "k")) {
            if bytes[letter...].starts(with: "kill".utf8) { return true }
            rest = bytes[bytes.index(after: letter)...]
        }
        return false
    }

    private static func finding(in line: Substring, offset: Int) -> Finding? {
        var matcher = KillCommandMatcher(line)
        if let match = matcher.firstKillWithPidFile(), let signal = Signal(parsing: String(match.signal)) {
            return Finding(offset, match.command, signal, .pidFile(String(match.target)))
        }
        if let match = matcher.firstSystemctlKill(), let signal = Signal(parsing: String(match.signal)) {
            return Finding(offset, match.command, signal, .unit(String(match.target)))
        }
        if let match = matcher.firstPkill(), let signal = Signal(parsing: String(match.signal)) {
            var finding = Finding(offset, match.command, signal, nil)
            finding.suggestion = "signal \(short(signal)) pidfile /PATH/TO/\(match.target).pid"
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
