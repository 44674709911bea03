import Foundation
import Glibc
import PlatformTesting
import Testing

/// The daemon's view of its logs: after downtime every log whose period ended is rotated once at start; a file that
/// appears later under a glob pattern is a log at once, without a reload.
@Suite struct CatchUpTests {
    @Test func run_newFileUnderAGlob_isWatchedAndRotatedBySizeWithoutAReload() throws {
        let daemon = try DaemonProcess(config: "@DIR@/logs/*.log {\n size 1k\n rotate 1\n}\n")
        try FileManager.default.createDirectory(
            at: daemon.directory.appendingPathComponent("logs"),
            withIntermediateDirectories: false
        )
        try daemon.start()
        #expect(daemon.notify.wait { $0.hasPrefix("READY=1") }, "\(daemon.standardError)")
        try daemon.write("logs/new.log", "first\n")
        #expect(waitUntil { daemon.standardError.contains("New log \(daemon.path("logs/new.log"))") })
        try daemon.append("logs/new.log", bytes: 2048)
        #expect(waitUntil { daemon.exists("logs/new.log.1") }, "not rotated: \(daemon.standardError)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)
    }

    @Test func run_after2000LogsPassedTheirPeriod_rotatesEachExactlyOnceAndRecordsAll() throws {
        let count = 2_000
        let daemon = try DaemonProcess(config: "@DIR@/logs/*.log {\n daily\n rotate 3\n}\n")
        let logs = daemon.directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: false)
        let twoDaysAgo = Date(timeIntervalSinceNow: -2 * 86_400)
        let stamp = Calendar.current.dateComponents([.year, .month, .day, .hour], from: twoDaysAgo)
        var state = "logrotate state -- version 2\n"
        for index in 0..<count {
            let path = logs.appendingPathComponent("l\(index).log").path
            _ = FileManager.default.createFile(atPath: path, contents: Data("line \(index)\n".utf8))
            state += "\"\(path)\" \(stamp.year!)-\(stamp.month!)-\(stamp.day!)-\(stamp.hour!):0:0\n"
        }
        try daemon.write("status", state)
        try daemon.start()
        let rotated = {
            ((try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? []).filter { $0.hasSuffix(".log.1") }
                .count
        }
        #expect(waitUntil(timeout: .seconds(300)) { rotated() == count }, "\(rotated()) of \(count) rotated")
        #expect(daemon.notify.wait { $0.hasPrefix("READY=1") })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit() == 0)

        let names = try FileManager.default.contentsOfDirectory(atPath: logs.path)
        #expect(names.count == count, "exactly one .1 per log, nothing else: \(names.count) names")
        #expect(names.allSatisfy { $0.hasSuffix(".log.1") })
        let saved = try String(contentsOfFile: daemon.path("status"), encoding: .utf8)
        let old = "\" \(stamp.year!)-\(stamp.month!)-\(stamp.day!)-\(stamp.hour!):0:0"
        let entries = saved.split(separator: "\n").dropFirst()
        #expect(entries.count == count)
        let unrecorded = entries.filter { $0.contains(old) }
        #expect(
            unrecorded.isEmpty,
            "every log recorded as rotated now: \(unrecorded.count) not, e.g. \(unrecorded.prefix(2))\n\(daemon.standardError.suffix(2000))"
        )
        #expect(daemon.standardError.components(separatedBy: "Rotated ").count - 1 == count)
    }
}
