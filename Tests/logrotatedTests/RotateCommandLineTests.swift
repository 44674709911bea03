import Foundation
import Testing

/// `logrotated rotate` accepts logrotate's command line and exits with its codes.
@Suite struct RotateCommandLineTests {
    private func rotate(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(CommandRunner.logrotated, ["rotate"] + arguments)
    }

    @Test func rotate_withUnknownOption_exits2() throws {
        let result = try rotate(["--bogus", "/nonexistent.conf"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--bogus"))
    }

    @Test func rotate_withoutConfig_printsUsageAndExits1() throws {
        let result = try rotate([])
        #expect(result.status == 1)
        #expect(result.standardError.contains("USAGE"))
    }

    @Test func rotate_withBothLockOptions_exits1() throws {
        let result = try rotate(["--skip-state-lock", "--wait-for-state-lock", "/nonexistent.conf"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("mutually exclusive"))
    }

    @Test func rotate_withScriptTimeout_stopsAHungPrerotateAndLeavesTheLog() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lr-timeout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("a.log")
        try Data("line\n".utf8).write(to: log)
        let config = dir.appendingPathComponent("c.conf")
        try Data("\(log.path) {\n rotate 1\n prerotate\n  sleep 600\n endscript\n}\n".utf8).write(to: config)
        let result = try rotate([
            "-f", "--script-timeout", "1", "-s", dir.appendingPathComponent("state").path, config.path,
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("error running non-shared prerotate script"))
        #expect(FileManager.default.fileExists(atPath: log.path), "the log was not rotated")
        #expect(!FileManager.default.fileExists(atPath: log.path + ".1"))
    }

    @Test func rotate_withANonPositiveScriptTimeout_exits2() throws {
        #expect(try rotate(["--script-timeout", "0", "/nonexistent.conf"]).status == 2)
    }

    @Test func rotate_version_printsToStandardOutput() throws {
        let result = try rotate(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("logrotated "))
    }

    @Test func rotate_help_teachesTheDropInUse() throws {
        let result = try rotate(["--help"])
        #expect(result.status == 0)
        for option in ["--debug", "--dry-run", "--force", "--verbose", "--state", "--mail", "--log"] {
            #expect(result.standardOutput.contains(option), "help lacks \(option)")
        }
        #expect(result.standardOutput.contains("Exit status"))
    }
}

/// A second run on a locked state file exits 3, or waits with `--wait-for-state-lock`.
@Suite struct StateLockCommandLineTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func rotate_whenStateIsLocked_exits3() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lr-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = dir.appendingPathComponent("state").path
        let config = dir.appendingPathComponent("cfg").path
        try Data("logrotate state -- version 2\n".utf8).write(to: URL(fileURLWithPath: state))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: state)
        try Data("\(dir.path)/a.log {\n missingok\n}\n".utf8).write(to: URL(fileURLWithPath: config))

        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [state, "-c", "touch \(dir.path)/held; sleep 30"]
        try holder.run()
        defer { holder.terminate() }
        let held = dir.appendingPathComponent("held").path
        for _ in 0..<1000 where !FileManager.default.fileExists(atPath: held) { usleep(10_000) }

        let result = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-s", state, config])
        #expect(result.status == 3)
        #expect(result.standardError.contains("state file \(state) is already locked"))
    }
}

/// `-l FILE` receives every message of the run, whatever the verbosity, as logrotate's `--log`.
@Suite struct LogFileCommandLineTests {
    @Test func rotate_withLogFile_writesEveryMessageThere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lr-logfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("app.log")
        try Data("line\n".utf8).write(to: log)
        let config = dir.appendingPathComponent("cfg")
        try Data("\(log.path) {\n  rotate 1\n}\n".utf8).write(to: config)
        let messages = dir.appendingPathComponent("messages").path
        let state = dir.appendingPathComponent("state").path

        let result = try CommandRunner.run(
            CommandRunner.logrotated,
            ["rotate", "-f", "-l", messages, "-s", state, config.path]
        )

        #expect(result.status == 0)
        #expect(result.standardError.isEmpty, "without -v nothing goes to the console")
        let written = try String(contentsOfFile: messages, encoding: .utf8)
        #expect(written.contains("considering log \(log.path)"))
        #expect(written.contains("renaming \(log.path) to \(log.path).1"))
    }
}
