import LogrotateConfig
import Testing

/// `minutes`, `at` and `spread`: values read, values refused (with `file:line`), rules they do not fit, and the
/// stable `spread` delay.
@Suite struct ScheduleDirectiveTests {
    static let good: [DirectiveCase] = [
        .init("minutes 5") { $0.criterion = .time(.minutes(5)) },
        .init("minutes 0x10") { $0.criterion = .time(.minutes(16)) },
        .init("daily\nat 03:30") {
            $0.criterion = .time(.daily)
            $0.moment = CalendarMoment(hour: 3, minute: 30)
        },
        .init("daily\nat 3:05") {
            $0.criterion = .time(.daily)
            $0.moment = CalendarMoment(hour: 3, minute: 5)
        },
        .init("weekly\nat Saturday 23:59") {
            $0.criterion = .time(.weekly(weekday: 0))
            $0.moment = CalendarMoment(day: .weekday(6), hour: 23, minute: 59)
        },
        .init("weekly\nat mon") {
            $0.criterion = .time(.weekly(weekday: 0))
            $0.moment = CalendarMoment(day: .weekday(1))
        },
        .init("monthly\nat last 23:00") {
            $0.criterion = .time(.monthly)
            $0.moment = CalendarMoment(day: .lastOfMonth, hour: 23)
        },
        .init("monthly\nat 15") {
            $0.criterion = .time(.monthly)
            $0.moment = CalendarMoment(day: .monthDay(15))
        },
        .init("size 5\nspread 2h") {
            $0.criterion = .size(5)
            $0.spread = 7_200
        },
        .init("daily\nspread 0") { $0.criterion = .time(.daily) },
    ]

    @Test(arguments: good)
    func directive_goodValue_setsSettings(_ row: DirectiveCase) {
        #expect(settings(row.text) == row.expected)
        #expect(diagnostics(row.text).isEmpty)
    }

    @Test func minutes_afterDaily_replacesItWithANote() {
        #expect(settings("daily\nminutes 1")?.criterion == .time(.minutes(1)))
        #expect(diagnostics("daily\nminutes 1") == ["t.conf:3: note: 'minutes' overrides previously specified 'daily'"])
    }

    static let bad: [(String, String)] = [
        ("minutes 0", "t.conf:2: error: bad minutes '0' (minutes expects an integer >= 1)"),
        ("minutes -5", "t.conf:2: error: bad minutes '-5' (minutes expects an integer >= 1)"),
        ("minutes five", "t.conf:2: error: bad minutes 'five' (minutes expects an integer >= 1)"),
        ("minutes", "t.conf:2: error: argument expected after minutes (minutes expects an integer >= 1)"),
        ("at 24:00", "t.conf:2: error: bad at time '24:00' (at expects \(atExpects))"),
        ("at 3:5", "t.conf:2: error: bad at time '3:5' (at expects \(atExpects))"),
        ("at funday 03:00", "t.conf:2: error: bad at day 'funday' (at expects \(atExpects))"),
        ("at 32", "t.conf:2: error: bad at day '32' (at expects \(atExpects))"),
        ("at 03:00 sat", "t.conf:2: error: at takes the day before the time: 'at sat 03:00' (at expects \(atExpects))"),
        ("at sat 1 03:00", "t.conf:2: error: extra arguments for at 'sat 1 03:00' (at expects \(atExpects))"),
        ("spread 30", "t.conf:2: error: bad spread '30' (spread expects \(spreadExpects))"),
        ("spread 2w", "t.conf:2: error: bad spread '2w' (spread expects \(spreadExpects))"),
        ("spread -1h", "t.conf:2: error: bad spread '-1h' (spread expects \(spreadExpects))"),
    ]
    static let atExpects = "[a weekday, a day of the month 1-31 or 'last'] [HH:MM]"
    static let spreadExpects = "a duration: 0, or a number with s, m, h or d"

    @Test(arguments: bad)
    func directive_badValue_dropsBlockWithLocatedError(body: String, message: String) {
        #expect(settings(body) == nil)
        #expect(diagnostics(body) == [message])
    }

    static let mismatches: [(String, String)] = [
        ("daily\nat sat 03:00", "t.conf:1: warning: the day of 'at saturday 03:00' has no effect with 'daily'"),
        ("monthly\nat sun", "t.conf:1: warning: the day of 'at sunday 00:00' has no effect with 'monthly'"),
        ("weekly\nat last", "t.conf:1: warning: the day of 'at last 00:00' has no effect with 'weekly'"),
        ("size 1M\nat 03:00", "t.conf:1: warning: 'at 03:00' has no effect with 'size'"),
        ("minutes 5\nat 03:00", "t.conf:1: warning: 'at 03:00' has no effect with 'minutes'"),
    ]

    @Test(arguments: mismatches)
    func blockEnd_atDayTheRuleCannotUse_warnsAtTheBlock(body: String, message: String) {
        #expect(diagnostics(body) == [message])
        #expect(settings(body) != nil)
    }

    @Test func spread_delayIsStableWithinWindowAndPerBlock() {
        let text = "spread 2h\n/a.log {\ndaily\n}\n/b.log {\ndaily\n}\n/c.log {\nhourly\nspread 1d\n}\n"
        func delays(host: String) -> [Int64] {
            ConfigParser(accounts: FakeAccounts(), hostIdentity: host).parse(text, file: "t.conf").blocks
                .map(\.settings.spreadDelay)
        }
        let first = delays(host: "0123456789abcdef0123456789abcdef")
        #expect(first == delays(host: "0123456789abcdef0123456789abcdef"))
        #expect(first[0] != first[1], "two blocks of one host get different delays")
        #expect(first[0] != delays(host: "fedcba9876543210fedcba9876543210")[0], "hosts differ")
        #expect(first[0] == SpreadDelay.seconds(window: 7_200, key: "/a.log", host: "0123456789abcdef0123456789abcdef"))
        #expect((0..<7_200).contains(first[0]) && (0..<7_200).contains(first[1]))
        #expect((0..<3_600).contains(first[2]), "an hourly rule's window is clamped to the hour")
    }

    @Test func spreadDelay_isSpreadOverTheWindow() {
        let delays = (0..<1_000).map { SpreadDelay.seconds(window: 3_600, key: "/var/log/app\($0).log", host: "h") }
        #expect(delays.allSatisfy { (0..<3_600).contains($0) })
        let quarters = Dictionary(grouping: delays, by: { $0 / 900 }).mapValues(\.count)
        #expect(quarters.count == 4 && quarters.values.allSatisfy { $0 > 180 }, "\(quarters)")
        #expect(SpreadDelay.seconds(window: 0, key: "/a.log", host: "h") == 0)
    }

    @Test func spreadDelay_isAFixedFunctionOfItsInputs() {
        // FNV-1a 64 of "h\0/a.log": a change of hash would move every fleet's moments.
        #expect(SpreadDelay.seconds(window: 86_400, key: "/a.log", host: "h") == 0x3463_b488_9190_1055 % 86_400)
    }

    @Test(arguments: [
        "/l.log {\nminutes 5\n}\n", "/l.log {\nweekly 6\nat 03:30\n}\n",
        "/l.log {\nmonthly\nat last 23:00\nspread 90m\n}\n",
        "/l.log {\ndaily\nat 1\nspread 45s\n}\n",
    ])
    func printer_scheduleDirectives_readBack(_ text: String) {
        let original = parse(text)
        let printed = ConfigPrinter.render(original.configuration)
        let reread = parse(printed, file: "printed.conf")
        #expect(reread.blocks.map(\.settings) == original.blocks.map(\.settings), "\(printed)")
    }
}
