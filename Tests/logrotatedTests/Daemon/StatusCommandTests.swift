import Foundation
import Testing

/// `logrotated status`: the table and the JSON, from a configuration and a state file, at a fixed `--now` in UTC.
@Suite struct StatusCommandTests {
    /// 2026-11-25 10:30 UTC.
    private static let now = "1795602600"

    private func status(_ extra: [String]) throws -> (CommandResult, String) {
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
                ["LOG", "SIZE", "LAST ROTATED", "NEXT DUE", "RULE"],
                [root + "/app.log", "3.2k", "2026-11-25 09:00", "at 64k", "size 64k (now 3.2k)"],
                [root + "/daily.log", "-", "2026-11-24 00:00", "now", "daily or maxsize 1M"],
                [root + "/big.log", "2k", "never", "now", "maxsize 1k (now 2k)"],
            ]
        )
    }

    @Test func status_json_hasStableKeys() throws {
        let (result, root) = try status(["--json"])
        #expect(result.status == 0)
        let expected =
            "{\"logs\":["
            + "{\"path\":\"\(root)/app.log\",\"size\":3277,\"lastRotated\":\"2026-11-25 09:00\",\"nextDue\":\"at 64k\","
            + "\"nextDueEpoch\":null,\"nextDueSize\":65536,\"rule\":\"size 64k (now 3.2k)\",\"staleWriters\":[]},"
            + "{\"path\":\"\(root)/daily.log\",\"size\":null,\"lastRotated\":\"2026-11-24 00:00\",\"nextDue\":\"now\","
            + "\"nextDueEpoch\":null,\"nextDueSize\":null,\"rule\":\"daily or maxsize 1M\",\"staleWriters\":[]},"
            + "{\"path\":\"\(root)/big.log\",\"size\":2048,\"lastRotated\":null,\"nextDue\":\"now\","
            + "\"nextDueEpoch\":null,\"nextDueSize\":null,\"rule\":\"maxsize 1k (now 2k)\",\"staleWriters\":[]}"
            + "]}\n"
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
}
