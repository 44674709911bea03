import Foundation
import Glibc
import PlatformTesting
import Testing

/// What `logrotated run` writes on standard error: `<N>` priority prefixes when standard error is the journal stream
/// systemd names in `JOURNAL_STREAM`, a UTC time and the level otherwise, and each path once.
@Suite struct DaemonLogLineTests {
    private static let journalSocketAbsent = !FileManager.default.fileExists(atPath: "/run/systemd/journal/socket")
    private static let badConfig = "@DIR@/a.log {\n rotate five\n}\n"

    private func lines(of daemon: DaemonProcess) -> [Substring] {
        daemon.standardError.split(separator: "\n")
    }

    @Test func run_onAFile_writesTimeLevelAndMessage() throws {
        let daemon = try DaemonProcess(config: Self.badConfig)
        try daemon.start()
        #expect(daemon.waitForExit() == 1)
        let diagnostic = "error \(daemon.path("conf")):2 bad rotation count 'five'"
        let line = try #require(lines(of: daemon).first { $0.contains(diagnostic) }, "\(daemon.standardError)")
        #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ error .*/) != nil, "\(line)")
    }

    @Test(.enabled(if: journalSocketAbsent, "journald runs here: the daemon would use its socket, not the stream"))
    func run_withJournalStreamOnStandardError_prefixesThePriority() throws {
        let daemon = try DaemonProcess(config: Self.badConfig)
        // As systemd does for a unit whose standard error is the journal: JOURNAL_STREAM is that stream's dev:inode.
        try daemon.start(prefix: "JOURNAL_STREAM=$(stat -L -c %d:%i /dev/stderr); export JOURNAL_STREAM;")
        #expect(daemon.waitForExit() == 1)
        #expect(lines(of: daemon).contains { $0.hasPrefix("<3>\(daemon.path("conf")):2 bad rotation count 'five'") })
        #expect(lines(of: daemon).allSatisfy { $0.wholeMatch(of: /<\d>.*/) != nil }, "\(daemon.standardError)")
    }

    @Test func run_withAnotherJournalStream_writesForPeople() throws {
        let daemon = try DaemonProcess(config: Self.badConfig)
        try daemon.start(environment: ["JOURNAL_STREAM": "1:1"])
        #expect(daemon.waitForExit() == 1)
        #expect(!daemon.standardError.contains("<3>"))
        #expect(daemon.standardError.contains("Z error \(daemon.path("conf")):2 bad rotation count"))
    }

    @Test func run_rotatedLog_isNamedOnceInItsLine() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 2\n create\n}\n")
        try daemon.write("a.log", "first line\n")
        try daemon.start()
        #expect(daemon.notify.wait { $0.hasPrefix("READY=1") }, "no READY=1: \(daemon.standardError)")
        try daemon.append("a.log", bytes: 2048)
        let rotated = "Rotated \(daemon.path("a.log"))"
        #expect(waitUntil { daemon.standardError.contains(rotated) }, "\(daemon.standardError)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        let line = try #require(lines(of: daemon).first { $0.contains(rotated) })
        #expect(line.hasSuffix(" info  \(rotated) action=rotate"), "\(line)")
    }
}
