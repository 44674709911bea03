import LogrotateConfig
import Platform
import Testing

let signalCases: [(String, SignalSetting?)] = [
    ("signal USR2 pidfile /run/app.pid", SignalSetting(signal: .user2, target: .pidFile("/run/app.pid"))),
    ("signal SIGUSR1 pidfile /run/a.pid", SignalSetting(signal: .user1, target: .pidFile("/run/a.pid"))),
    ("signal HUP unit nginx.service", SignalSetting(signal: .hangup, target: .unit("nginx.service"))),
    ("signal 34 unit app.service", SignalSetting(signal: Signal(number: 34)!, target: .unit("app.service"))),
    ("signal hup pidfile /p\nnosignal", nil),
]

@Test(arguments: signalCases)
func signal_inBlock_setsModelAndPrintsBack(_ text: String, _ expected: SignalSetting?) {
    let state = parse("/l.log {\n\(text)\n}\n")
    #expect(state.diagnostics.isEmpty, "\(state.diagnostics)")
    #expect(state.blocks.first?.settings.signal == expected)
    let printed = ConfigPrinter.render(state.configuration)
    let reread = parse(printed, file: "printed.conf")
    #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics)")
    #expect(reread.blocks.map(\.settings) == state.blocks.map(\.settings), "\(printed)")
}

@Test(arguments: [
    (
        "signal FOO pidfile /p",
        "t.conf:2: error: unknown signal 'FOO' (signal expects SIG pidfile /PATH or SIG unit NAME.service)"
    ),
    (
        "signal USR2 pidfile run/app.pid",
        "t.conf:2: error: pidfile path 'run/app.pid' is not absolute (signal expects SIG pidfile /PATH or SIG unit NAME.service)"
    ),
    (
        "signal USR2 process 12",
        "t.conf:2: error: unknown signal target 'process' (signal expects SIG pidfile /PATH or SIG unit NAME.service)"
    ),
    (
        "signal USR2",
        "t.conf:2: error: bad signal directive 'USR2' (signal expects SIG pidfile /PATH or SIG unit NAME.service)"
    ),
    (
        "signal",
        "t.conf:2: error: argument expected after signal (signal expects SIG pidfile /PATH or SIG unit NAME.service)"
    ),
])
func signal_badValue_isBlockErrorWithLine(_ text: String, _ expected: String) {
    let state = parse("/l.log {\n\(text)\n}\n/m.log {\n}\n")
    #expect(state.diagnostics.map(\.description) == [expected])
    #expect(state.blocks.map(\.patterns) == [["/m.log"]])
}

@Test(arguments: [
    ("kill -USR2 $(cat /run/app.pid)", "signal USR2 pidfile /run/app.pid"),
    ("[ -s /run/n.pid ] && kill -HUP `cat /run/n.pid 2>/dev/null`", "signal HUP pidfile /run/n.pid"),
    ("/bin/kill -s SIGUSR1 \"$(cat /run/x.pid)\" || true", "signal USR1 pidfile /run/x.pid"),
    ("systemctl kill -s HUP --kill-whom=main rsyslog.service", "signal HUP unit rsyslog.service"),
    ("pkill -USR1 nginx", "signal USR1 pidfile /PATH/TO/nginx.pid"),
])
func check_killScript_warnsWithLineAndSuggestion(_ line: String, _ suggestion: String) {
    let state = parse("/l.log {\n  postrotate\n    echo rotated\n    \(line)\n  endscript\n}\n")
    #expect(state.diagnostics.count == 1)
    let diagnostic = state.diagnostics.first
    #expect(diagnostic?.severity == .warning)
    #expect(diagnostic?.isAdvice == true)
    #expect(diagnostic?.line == 4)
    #expect(diagnostic?.message.contains("'\(suggestion)'") == true, "\(String(describing: diagnostic))")
}

@Test func check_killOfLiteralPid_isNotFlagged() {
    #expect(parse("/l.log {\npostrotate\n  kill -HUP 1\n  kill -0 $PID\nendscript\n}\n").diagnostics.isEmpty)
}
