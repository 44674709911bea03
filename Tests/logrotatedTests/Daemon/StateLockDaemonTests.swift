import Foundation
import Glibc
import PlatformTesting
import Testing

/// `logrotated run` while another process (util-linux `flock`) holds the state file's lock.
@Suite struct StateLockDaemonTests {
    private static func isReady(_ message: String) -> Bool { message.hasPrefix("READY=1") }

    /// A daemon whose `a.log` is over its size limit, with a 0600 state file whose lock another process holds.
    private func lockedDaemon() throws -> (DaemonProcess, FlockHolder) {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 1\n}\n")
        try daemon.write("a.log", String(repeating: "x", count: 2048))
        try daemon.write("status", "logrotate state -- version 2\n")
        chmod(daemon.path("status"), 0o600)
        return (daemon, try FlockHolder(file: daemon.path("status")))
    }

    @Test func run_lockHeldLongerThanTheTimeout_warnsWithTheHolder_thenRotatesOnceReleased() throws {
        let (daemon, holder) = try lockedDaemon()
        try daemon.start(["--state-lock-timeout", "0.2"])
        let warning =
            "state file \(daemon.path("status")) is still locked after 0.2 seconds (by pid \(holder.pid) (flock))"
        #expect(waitUntil { daemon.standardError.contains(warning) }, "\(daemon.standardError)")
        #expect(!daemon.exists("a.log.1"), "rotated without the lock")
        holder.release()
        #expect(waitUntil { daemon.exists("a.log.1") }, "not retried: \(daemon.standardError)")
        #expect(waitUntil { daemon.standardError.contains("Rotated \(daemon.path("a.log"))") })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_whileWaitingForTheLock_stillReloadsOnSIGHUP() throws {
        let (daemon, holder) = try lockedDaemon()
        try daemon.start(["--state-lock-timeout", "3600"])
        #expect(daemon.notify.wait(until: Self.isReady), "no READY=1: \(daemon.standardError)")
        #expect(daemon.notify.wait { $0.hasPrefix("STATUS=") && $0.contains("; checking") })
        let before = daemon.notify.messages.count
        daemon.signal(SIGHUP)
        #expect(daemon.notify.wait(from: before) { $0.hasPrefix("RELOADING=1") })
        #expect(daemon.notify.wait(from: before, until: Self.isReady), "the loop is held up by the lock wait")
        #expect(!daemon.exists("a.log.1"), "rotated without the lock")
        holder.release()
        #expect(waitUntil { daemon.exists("a.log.1") }, "not rotated after the release: \(daemon.standardError)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_missingStateDirectory_isCreated0750_andTheStateFile0600() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n daily\n}\n")
        try daemon.write("a.log", "")
        let state = daemon.path("lib/status")
        try daemon.start(["--state", state])
        #expect(waitUntil { FileManager.default.fileExists(atPath: state) }, "\(daemon.standardError)")
        let mode = { (path: String) in
            (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
        }
        #expect(mode(daemon.path("lib")) == 0o750)
        #expect(waitUntil { mode(state) == 0o600 }, "\(String(describing: mode(state)))")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_withANonPositiveLockTimeout_isAUsageError() throws {
        let result = try CommandRunner.run(CommandRunner.logrotated, ["run", "--state-lock-timeout", "0"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--state-lock-timeout must be a positive number of seconds"))
    }
}
