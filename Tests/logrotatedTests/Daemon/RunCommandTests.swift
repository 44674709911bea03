import Foundation
import Glibc
import PlatformTesting
import Testing

/// `logrotated run` as systemd runs it: the built binary, a `NOTIFY_SOCKET` listener, real signals and files.
@Suite struct RunCommandTests {
    private static func isReady(_ message: String) -> Bool { message.hasPrefix("READY=1") }

    @Test func run_logPushedOverItsSize_isRotatedAndSIGTERMExits0() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 2\n create\n}\n")
        try daemon.write("a.log", "first line\n")
        try daemon.start()
        #expect(daemon.notify.wait(until: Self.isReady), "no READY=1: \(daemon.standardError)")
        #expect(daemon.notify.wait { $0.contains("STATUS=") && $0.contains("watching 1 logs for size") })
        try daemon.append("a.log", bytes: 2048)
        #expect(waitUntil { daemon.exists("a.log.1") }, "not rotated: \(daemon.standardError)")
        #expect(waitUntil { daemon.standardError.contains("Rotated \(daemon.path("a.log"))") })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        #expect(daemon.notify.wait { $0.hasPrefix("STOPPING=1") })
        #expect(daemon.logNames == ["a.log", "a.log.1"])
    }

    @Test func run_withMetrics_writesTheRotationCountsForPrometheus() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 2\n create\n}\n")
        try daemon.write("a.log", "first line\n")
        let metrics = daemon.path("metrics.prom")
        try daemon.start(["--metrics", metrics])
        #expect(daemon.notify.wait(until: Self.isReady), "no READY=1: \(daemon.standardError)")
        let read = { (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? "" }
        #expect(waitUntil { read().contains("logrotated_configuration_loads_total{outcome=\"applied\"} 1") })
        try daemon.append("a.log", bytes: 2048)
        let rotated = "logrotated_log_rotations_total{log=\"\(daemon.path("a.log"))\"} 1"
        #expect(waitUntil { read().contains(rotated) }, "\(read())")
        #expect(read().contains("# TYPE logrotated_log_rotations_total counter"))
        #expect(read().contains("logrotated_configured_logs 1"))
        let mode = try FileManager.default.attributesOfItem(atPath: metrics)[.posixPermissions] as? Int
        #expect(mode == 0o644, "node_exporter runs as another user")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_writerThatDoesNotReopen_isReportedAndReportedAgainLater() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 2\n create\n missingok\n}\n")
        try daemon.start()
        #expect(daemon.notify.wait(until: Self.isReady), "no READY=1: \(daemon.standardError)")
        let writer = try LogWriterProcess(log: daemon.path("a.log"), ["--rate", "500"])
        #expect(waitUntil { daemon.exists("a.log.1") }, "not rotated: \(daemon.standardError)")
        let stale = "pid \(writer.pid) (logwriter) still writes \(daemon.path("a.log.1"))"
        #expect(waitUntil { daemon.standardError.contains(stale) }, "\(daemon.standardError)")
        #expect(
            waitUntil { daemon.standardError.contains("still, 10 s after the rotation: \(stale)") },
            "\(daemon.standardError)"
        )
        writer.stop()
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_sighupRightAfterStart_doesNotKillIt() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 1\n}\n")
        try daemon.write("a.log", "")
        try daemon.start()
        #expect(daemon.waitForExec())
        daemon.signal(SIGHUP)
        #expect(daemon.notify.wait(until: Self.isReady), "no READY=1: \(daemon.standardError)")
        try daemon.append("a.log", bytes: 2048)
        #expect(waitUntil { daemon.exists("a.log.1") }, "not running: \(daemon.standardError)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test(arguments: ["", "# nothing but a comment\ncompress\n"])
    func run_sighupWithAConfigWithoutLogs_keepsTheOldOne(_ replacement: String) throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 1\n}\n")
        try daemon.write("a.log", "")
        try daemon.start()
        #expect(daemon.notify.wait(until: Self.isReady))
        let before = daemon.notify.messages.count
        try daemon.write("conf", replacement)
        daemon.signal(SIGHUP)
        #expect(daemon.notify.wait(from: before, until: Self.isReady))
        #expect(waitUntil { daemon.standardError.contains("no log block in the new configuration") })
        #expect(waitUntil { daemon.standardError.contains("previous configuration stays in force") })
        try daemon.append("a.log", bytes: 2048)
        #expect(waitUntil { daemon.exists("a.log.1") }, "old configuration not in force: \(daemon.standardError)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_sighupWithABrokenConfig_keepsTheOldOneAndStaysAlive() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 1\n}\n")
        try daemon.write("a.log", "")
        try daemon.start()
        #expect(daemon.notify.wait(until: Self.isReady))
        let before = daemon.notify.messages.count
        try daemon.write("conf", "@DIR@/a.log {\n size 1k\n rotate five\n}\n")
        daemon.signal(SIGHUP)
        #expect(daemon.notify.wait(from: before) { $0.hasPrefix("RELOADING=1") })
        #expect(daemon.notify.wait(from: before, until: Self.isReady))
        #expect(waitUntil { daemon.standardError.contains("previous configuration stays in force") })
        try daemon.append("a.log", bytes: 2048)
        #expect(waitUntil { daemon.exists("a.log.1") }, "old configuration not in force: \(daemon.standardError)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_sighupWithAGoodConfig_appliesIt() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 100k\n rotate 1\n}\n")
        try daemon.write("a.log", String(repeating: "x", count: 4096))
        try daemon.start()
        #expect(daemon.notify.wait(until: Self.isReady))
        #expect(!daemon.exists("a.log.1"))
        let before = daemon.notify.messages.count
        try daemon.write("conf", "@DIR@/a.log {\n size 1k\n rotate 1\n}\n")
        daemon.signal(SIGHUP)
        #expect(daemon.notify.wait(from: before, until: Self.isReady))
        #expect(waitUntil { daemon.exists("a.log.1") }, "new configuration not applied: \(daemon.standardError)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_sigtermDuringALongCompression_finishesItAndExits0() throws {
        let daemon = try DaemonProcess(
            config: """
                @DIR@/big.log {
                 size 1k
                 rotate 1
                 compress
                 compresscmd @DIR@/slowgzip
                 compressext .gz
                }

                """
        )
        try daemon.write("slowgzip", "#!/bin/sh\ntouch @DIR@/compressing\nsleep 2\nexec gzip \"$@\"\n")
        chmod(daemon.path("slowgzip"), 0o755)
        try daemon.write("big.log", String(repeating: "a line of a big log\n", count: 50_000))
        try daemon.start()
        #expect(waitUntil { daemon.exists("compressing") }, "compression not started: \(daemon.standardError)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
        #expect(daemon.logNames == ["big.log.1.gz", "compressing", "slowgzip"])
        #expect(daemon.standardError.contains("Finishing a rotation before exiting"))
        let state = try String(contentsOfFile: daemon.path("status"), encoding: .utf8)
        #expect(state.contains("\"\(daemon.path("big.log"))\""))
    }

    @Test(arguments: [false, true])
    func run_withWatchdogUsec_sendsWatchdogPings(settingPid: Bool) throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n daily\n}\n")
        try daemon.start(environment: ["WATCHDOG_USEC": "200000"], prefix: settingPid ? "WATCHDOG_PID=$$" : "")
        #expect(daemon.notify.wait(until: Self.isReady))
        #expect(daemon.notify.wait { _ in daemon.notify.count { $0 == "WATCHDOG=1" } >= 2 })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_dryRun_logsThePlanAndChangesNothing() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n size 1k\n rotate 2\n}\n")
        try daemon.write("a.log", String(repeating: "x", count: 4096))
        try daemon.start(["--dry-run"])
        #expect(waitUntil { daemon.standardError.contains("Would rotate \(daemon.path("a.log"))") })
        daemon.signal(SIGINT)
        #expect(daemon.waitForExit() == 0)
        #expect(daemon.logNames == ["a.log"])
        #expect(!daemon.exists("status"))
    }

    @Test func run_withAConfigError_exits1BeforeReady() throws {
        let daemon = try DaemonProcess(config: "@DIR@/a.log {\n rotate five\n}\n")
        try daemon.start()
        #expect(daemon.waitForExit() == 1)
        // The log level says "error" once; the diagnostic names file and line.
        #expect(daemon.standardError.contains("Z error \(daemon.path("conf")):2 bad rotation count 'five'"))
        #expect(!daemon.notify.messages.contains { $0.hasPrefix("READY=1") })
    }
}
