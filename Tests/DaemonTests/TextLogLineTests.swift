import Daemon
import Logging
import Platform
import Testing

@Suite struct TextLogLineTests {
    @Test(arguments: [
        (Logger.Level.debug, "<7>"), (.info, "<6>"), (.notice, "<5>"), (.warning, "<4>"), (.error, "<3>"),
        (.critical, "<2>"),
    ])
    func journalStream_prefixesTheSyslogPriority(level: Logger.Level, prefix: String) {
        let line = TextLogLine.render(level: level, message: "m", metadata: [:], style: .journalStream, time: 0)
        #expect(line == "\(prefix)m\n")
    }

    @Test func journalStream_prefixesEveryLineOfAMultiLineMessage() {
        let line = TextLogLine.render(
            level: .error,
            message: "first\nsecond",
            metadata: ["action": "rotate"],
            style: .journalStream,
            time: 0
        )
        #expect(line == "<3>first\n<3>second action=rotate\n")
    }

    @Test func console_showsUTCTimeLevelMessageAndSortedPairs() {
        let info = TextLogLine.render(
            level: .info,
            message: "Reloaded",
            metadata: ["logs": "3", "blocks": "2"],
            style: .console,
            time: 1_796_218_801
        )
        #expect(info == "2026-12-02T13:40:01Z info  Reloaded blocks=2 logs=3\n")
        let warning = TextLogLine.render(level: .warning, message: "w", metadata: [:], style: .console, time: 0)
        #expect(warning == "1970-01-01T00:00:00Z warning w\n")
    }

    @Test func pairs_leaveOutAPathTheMessageAlreadyNames() {
        let path: Logger.Metadata = ["log.path": "/var/log/a.log", "action": "rotate"]
        let rotated = TextLogLine.render(
            level: .info,
            message: "Rotated /var/log/a.log",
            metadata: path,
            style: .journalStream,
            time: 0
        )
        #expect(rotated == "<6>Rotated /var/log/a.log action=rotate\n")
        let failed = TextLogLine.render(
            level: .error,
            message: "Rotation of /var/log/a.log failed: No space left on device",
            metadata: path,
            style: .journalStream,
            time: 0
        )
        #expect(failed == "<3>Rotation of /var/log/a.log failed: No space left on device action=rotate\n")
    }

    @Test func pairs_keepAPathTheMessageNamesOnlyAsPartOfAnother() {
        let line = TextLogLine.render(
            level: .warning,
            message: "pid 7 (app) still writes /var/log/a.log.1",
            metadata: ["log.path": "/var/log/a.log", "count": "7"],
            style: .journalStream,
            time: 0
        )
        #expect(line == "<4>pid 7 (app) still writes /var/log/a.log.1 count=7 log.path=/var/log/a.log\n")
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"), (951_868_799, "2000-02-29T23:59:59Z"),
        (-2_203_891_200, "1900-03-01T00:00:00Z"), (4_133_937_600, "2100-12-31T12:00:00Z"),
        (1_796_218_801, "2026-12-02T13:40:01Z"),
    ])
    func utcTimestamp_isISO8601(seconds: Int64, expected: String) {
        #expect(UTCTimestamp.iso8601(seconds) == expected)
    }

    @Test(arguments: [
        ("12:34", true, LogDestination.journal), ("12:34", false, .journalStream), ("12:35", true, .console),
        ("", true, .console), ("12", true, .console), ("12:34:56", true, .console), ("x:34", true, .console),
    ])
    func destination_isTheJournalOnlyWhenStandardErrorIsTheJournalStream(
        stream: String,
        socket: Bool,
        expected: LogDestination
    ) {
        let standardError = FileIdentity(device: 12, inode: 34)
        let chosen = LogDestination.choose(
            journalStream: stream,
            standardError: standardError,
            journalSocketAvailable: socket
        )
        #expect(chosen == expected)
    }

    @Test func destination_withoutJournalStreamOrStandardError_isTheConsole() {
        let identity = FileIdentity(device: 1, inode: 2)
        #expect(
            LogDestination.choose(journalStream: nil, standardError: identity, journalSocketAvailable: true) == .console
        )
        #expect(
            LogDestination.choose(journalStream: "1:2", standardError: nil, journalSocketAvailable: true) == .console
        )
    }
}
