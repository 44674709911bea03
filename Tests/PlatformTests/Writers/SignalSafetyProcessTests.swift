import Foundation
import Platform
import SystemPackage
import Testing

/// The Zope story with real processes: `kill -USR2` is safe only for a process that handles SIGUSR2.
@Suite struct SignalSafetyProcessTests {
    let fs = PosixFileSystem()

    @Test func check_withoutHandler_wouldTerminate_andKillIndeedKills() throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        let writer = try RunningLogWriter(log: dir.appending("app.log"), ["--rate", "100"])
        let pid = try PidFile.read(writer.pidFile)
        #expect(pid == writer.pid)
        #expect(try SignalSafety.check(signal: .user2, pid: pid) == .wouldTerminate(.terminate))

        try sendSignal(.user2, to: pid)
        writer.process.waitUntilExit()
        #expect(writer.process.terminationReason == .uncaughtSignal)
        #expect(writer.process.terminationStatus == Signal.user2.number)
        #expect(try SignalSafety.check(signal: .user2, pid: pid) == .noSuchProcess)
    }

    @Test func check_withReopenHandler_isHandled_andTheProcessReopensAfterRename() throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        let writer = try RunningLogWriter(log: dir.appending("app.log"), ["--rate", "2000", "--handle", "USR2"])
        let pid = try PidFile.read(writer.pidFile)
        #expect(try SignalSafety.check(signal: .user2, pid: pid) == .handled)
        #expect(writer.waitForSize(64))

        try fs.rename(writer.log, to: dir.appending("app.log.1"), replace: false)
        try sendSignal(.user2, to: pid)

        #expect(writer.waitForSize(64), "the writer writes into a new app.log after SIGUSR2")
        #expect(writer.process.isRunning)
        let written = try writer.stop()
        let audit = try LineAudit(files: [dir.appending("app.log.1"), writer.log], expectedCount: written)
        #expect(audit == LineAudit(lines: written))
    }

    @Test func check_ignoredAndBlocked() throws {
        let dir = try WritersFixture.newDirectory(in: NSTemporaryDirectory())
        let ignoring = try RunningLogWriter(log: dir.appending("a.log"), ["--rate", "10", "--ignore", "SIGUSR2"])
        let blocking = try RunningLogWriter(log: dir.appending("b.log"), ["--rate", "10", "--block", "12"])
        #expect(try SignalSafety.check(signal: .user2, pid: ignoring.pid) == .ignored)
        #expect(try SignalSafety.check(signal: .user2, pid: blocking.pid) == .blocked)
        #expect(try SignalSafety.check(signal: .terminate, pid: blocking.pid) == .handled)
        _ = try ignoring.stop()
        _ = try blocking.stop()
    }
}
