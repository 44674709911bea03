import Foundation
import Glibc
import PlatformTesting
import Testing

/// `logrotated status`: the table and the JSON, from a configuration and a state file, at a fixed `--now` in UTC.
@Suite struct StatusCommandTests {
    /// 2026-11-25 10:30 UTC.
    private static let now = "1795602600"

    /// Runs `status` on a fresh fixture whose state file has `stateMode`, its lock held by `flock` when `locked`.
    private func status(
        _ extra: [String],
        stateMode: mode_t = 0o600,
        locked: Bool = false
    ) throws -> (CommandResult, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = directory.path
        let config = """
            \(root)/app.log {
             size 64k
            }
            \(root)/daily.log {
             daily
             maxsize 1M
            }
            \(root)/big.log {
             weekly
             maxsize 1k
            }

            """
        try config.write(toFile: root + "/conf", atomically: true, encoding: .utf8)
        try String(repeating: "x", count: 3277).write(toFile: root + "/app.log", atomically: true, encoding: .utf8)
        try String(repeating: "x", count: 2048).write(toFile: root + "/big.log", atomically: true, encoding: .utf8)
        try
            "logrotate state -- version 2\n\"\(root)/daily.log\" 2026-11-24-0:0:0\n\"\(root)/app.log\" 2026-11-25-9:0:0\n"
            .write(toFile: root + "/status", atomically: true, encoding: .utf8)
        chmod(root + "/status", stateMode)
        let holder = locked ? try FlockHolder(file: root + "/status") : nil
        defer { holder?.release() }
        let result = try CommandRunner.run(
            CommandRunner.logrotated,
            ["status", "--config", root + "/conf", "--state", root + "/status", "--now", Self.now] + extra,
            environment: ["TZ": "UTC"]
        )
        return (result, root)
    }

    @Test func status_printsEveryLogsSizeLastRotationNextDueAndRule() throws {
        let (result, root) = try status([])
        #expect(result.status == 0)
        let rows = result.standardOutput.split(separator: "\n").map { line in
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        #expect(
            rows == [
                ["LOG", "SIZE", "ARCHIVES", "LAST ROTATED", "NEXT DUE", "RULE"],
                [root + "/app.log", "3.2k", "-", "2026-11-25 09:00", "at 64k", "size 64k (now 3.2k)"],
                [root + "/daily.log", "-", "-", "2026-11-24 00:00", "now", "daily or maxsize 1M"],
                [root + "/big.log", "2k", "-", "never", "now", "maxsize 1k (now 2k)"],
            ]
        )
    }

    @Test func status_json_hasStableKeys() throws {
        let (result, root) = try status(["--json"])
        #expect(result.status == 0)
        let expected =
            "{\"logs\":["
            + "{\"path\":\"\(root)/app.log\",\"size\":3277,"
            + "\"archivesSize\":0,\"archiveCount\":0,\"maxTotalSize\":null,"
            + "\"lastRotated\":\"2026-11-25 09:00\",\"nextDue\":\"at 64k\","
            + "\"nextDueEpoch\":null,\"nextDueSize\":65536,\"rule\":\"size 64k (now 3.2k)\",\"staleWriters\":[]},"
            + "{\"path\":\"\(root)/daily.log\",\"size\":null,"
            + "\"archivesSize\":0,\"archiveCount\":0,\"maxTotalSize\":null,"
            + "\"lastRotated\":\"2026-11-24 00:00\",\"nextDue\":\"now\","
            + "\"nextDueEpoch\":null,\"nextDueSize\":null,\"rule\":\"daily or maxsize 1M\",\"staleWriters\":[]},"
            + "{\"path\":\"\(root)/big.log\",\"size\":2048,"
            + "\"archivesSize\":0,\"archiveCount\":0,\"maxTotalSize\":null,"
            + "\"lastRotated\":null,\"nextDue\":\"now\","
            + "\"nextDueEpoch\":null,\"nextDueSize\":null,\"rule\":\"maxsize 1k (now 2k)\",\"staleWriters\":[]}"
            + "],\"stateFile\":{\"path\":\"\(root)/status\",\"mode\":\"0600\",\"lockedBy\":[],\"problems\":[]}}\n"
        #expect(result.standardOutput == expected)
    }

    @Test func status_withAConfigError_reportsItAndExits1() throws {
        let result = try CommandRunner.run(
            CommandRunner.logrotated,
            ["status", "--config", "/nonexistent/logrotated.conf", "--state", "/dev/null"]
        )
        #expect(result.status == 1)
        #expect(result.standardError.contains("/nonexistent/logrotated.conf"))
    }

    @Test func status_stateFileLockedByAnotherProcess_namesTheHolder() throws {
        let (table, root) = try status([], locked: true)
        #expect(table.status == 0)
        #expect(table.standardOutput.contains("\nstate file \(root)/status is locked by pid "))
        #expect(table.standardOutput.contains(" (flock): rotations wait for it"))
        let (json, _) = try status(["--json"], locked: true)
        #expect(json.standardOutput.contains(",\"lockedBy\":[{\"pid\":"))
        #expect(json.standardOutput.contains(",\"command\":\"flock\"}],\"problems\":[]}}\n"))
    }

    @Test func status_stateFileReadableByGroup_isReportedAsTooOpen() throws {
        let (table, root) = try status([], stateMode: 0o640)
        #expect(table.status == 0)
        #expect(
            table.standardOutput.hasSuffix(
                "\nstate file \(root)/status is readable by group (mode 0640): whoever can open it can hold its lock "
                    + "and stop rotation; the next state write as root sets mode 0600, owned by root\n"
            )
        )
        let (json, _) = try status(["--json"], stateMode: 0o640)
        #expect(
            json.standardOutput.hasSuffix(",\"mode\":\"0640\",\"lockedBy\":[],\"problems\":[\"readable by group\"]}}\n")
        )
    }
}
