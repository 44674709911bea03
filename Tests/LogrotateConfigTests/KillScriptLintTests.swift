import LogrotateConfig
import Platform
import Testing

/// The regexes `KillScriptLint` is specified by; its linear-time matcher must find what their `firstMatch` finds.
private enum Oracle {
    nonisolated(unsafe) static let killWithPidFile =
        #/(?:^|[\s;&|(])(?:/bin/|/usr/bin/)?kill\s+(?:-s\s+|--signal\s+|-)(?:SIG)?(\w+)\s+"?(?:\$\(\s*cat\s+([^\s)]+)[^)]*\)|`\s*cat\s+([^\s`]+)[^`]*`)"?/#
    nonisolated(unsafe) static let pkill =
        #/(?:^|[\s;&|(])(?:/usr/bin/)?pkill\s+(?:--signal\s+|-)(?:SIG)?(\w+)\s+(?:-\w+\s+)*(\S+)/#
    nonisolated(unsafe) static let systemctlKill =
        #/(?:^|[\s;&|(])systemctl\s+kill\s+(?:--kill-whom?=\w+\s+)?(?:-s\s+|--signal[=\s])(?:SIG)?(\w+)\s+(?:--kill-whom?=\w+\s+)?([\w@.\-]+)/#

    /// What a finding shows: command, signal, target (pidfile or unit) and, for `pkill`, the process name.
    struct Outcome: Equatable {
        var command: String
        var signal: Signal
        var target: SignalTarget?
        var processName: String?
    }

    static func outcome(_ line: String) -> Outcome? {
        if let match = line.firstMatch(of: killWithPidFile), let signal = Signal(parsing: String(match.1)) {
            return Outcome(command(match.0), signal, .pidFile(String(match.2 ?? match.3 ?? "")), nil)
        }
        if let match = line.firstMatch(of: systemctlKill), let signal = Signal(parsing: String(match.1)) {
            return Outcome(command(match.0), signal, .unit(String(match.2)), nil)
        }
        if let match = line.firstMatch(of: pkill), let signal = Signal(parsing: String(match.1)) {
            return Outcome(command(match.0), signal, nil, String(match.2))
        }
        return nil
    }

    private static func command(_ text: Substring) -> String {
        String(text.drop { $0.isWhitespace || ";&|(".contains($0) })
    }
}

extension Oracle.Outcome {
    fileprivate init(_ command: String, _ signal: Signal, _ target: SignalTarget?, _ processName: String?) {
        self.init(command: command, signal: signal, target: target, processName: processName)
    }

    fileprivate init(_ finding: KillScriptLint.Finding) {
        let processName =
            finding.target == nil
            ? finding.suggestion.split(separator: "/PATH/TO/", maxSplits: 1).last.map { String($0.dropLast(4)) } : nil
        self.init(finding.command, finding.signal, finding.target, processName)
    }
}

/// Pieces of commands and of what surrounds them, Unicode blanks and word characters included.
private let commandFragments: [String] = [
    "kill", "pkill", "systemctl", " ", " ", "\t", "\r\n", "\u{A0}", "\u{2028}", "-", "-s", "--signal", "--signal=",
    "SIG", "HUP", "USR2", "TERM", "9", "$(", "`", "cat", " /run/a.pid", ")", "\"", ";", "&", "|", "(", "/bin/",
    "/usr/bin/", "--kill-who=all ", "--kill-whom=main ", "a.service", "@", ".", "-f", "nginx", "é", "e\u{301}",
    "\u{663}", "_", "x", "2>/dev/null", "kill -HUP $(cat /run/b.pid)", "pkill -USR1 -x app", "systemctl kill ",
    " -s ", "--signal ", "HUP ", "SIGUSR1 ", "$(cat ", "`cat ", "nginx.service", "--kill-who=main ",
]

/// Commands of every shape the lint knows, to be mutated into near misses.
private let commandTemplates: [String] = [
    "kill -HUP $(cat /run/a.pid)", "/bin/kill -s USR1 \"`cat /run/a.pid 2>/dev/null`\"",
    "x; /usr/bin/kill --signal SIGTERM $( cat /run/a.pid )", "systemctl kill -s HUP nginx.service",
    "systemctl kill --kill-who=main --signal=SIGUSR1 a@b.service", "systemctl  kill --kill-whom=all -s 10 x",
    "/usr/bin/pkill --signal HUP -f -x nginx", "(pkill -SIGUSR2 app)", "pkill -HUP -f -x",
]

/// Either fragments put together or a template with a few characters replaced by fragments.
private func randomCommandLine(_ generator: inout SeededGenerator) -> String {
    guard Bool.random(using: &generator) else {
        return (0..<Int.random(in: 0..<14, using: &generator))
            .map { _ in commandFragments.randomElement(using: &generator) ?? "" }.joined()
    }
    var characters = Array(commandTemplates.randomElement(using: &generator) ?? "")
    for _ in 0..<Int.random(in: 0...3, using: &generator) {
        let start = Int.random(in: 0...characters.count, using: &generator)
        let end = min(characters.count, start + Int.random(in: 0...3, using: &generator))
        characters.replaceSubrange(start..<end, with: commandFragments.randomElement(using: &generator) ?? "")
    }
    return String(characters)
}

@Test func killScriptLint_findsWhatItsRegexesFind() {
    var generator = SeededGenerator(state: 0x2545_F491_4F6C_DD1D)
    for _ in 0..<10_000 {
        let line = randomCommandLine(&generator)
        let found = KillScriptLint.findings(in: line).first { $0.lineOffset == 0 }.map(Oracle.Outcome.init)
        #expect(found == Oracle.outcome(line), "\(line.debugDescription)")
    }
}

@Test func killScriptLint_longLineOfUnclosedCommands_isReadInOnePass() {
    let line = String(repeating: "kill -HUP $(cat /run/a.pid ", count: 10_000) + "kill -HUP `cat /run/b.pid`"
    let findings = KillScriptLint.findings(in: line)
    #expect(findings.map(\.command) == ["kill -HUP `cat /run/b.pid`"])
}
