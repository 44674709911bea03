import Foundation
import Testing

/// When the disk refuses, no log data is lost, nothing half-written is left behind, and the failed rotation is not
/// recorded as done.
@Suite struct FailurePathTests {
    private let fm = FileManager.default

    private func scratch() throws -> URL {
        let dir = fm.temporaryDirectory.appendingPathComponent("lr-fail-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Incompressible bytes, so the compressed file is as large as the log.
    private func randomBytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    private func writeConfig(_ text: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("cfg").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `rotate -f` under a 512 KiB file-size limit: writing a larger (compressed) file fails with EFBIG, SIGXFSZ
    /// being ignored.
    private func rotateUnderFileSizeLimit(state: String, config: String) throws -> CommandResult {
        let command =
            "trap '' XFSZ; ulimit -f 512; exec '\(CommandRunner.logrotated.path)' rotate -f -s '\(state)' '\(config)'"
        return try CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command])
    }

    @Test func compress_whenTheFileSizeLimitIsHit_keepsTheRotatedLogAndDoesNotRecordTheRotation() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        let log = dir.appendingPathComponent("app.log")
        let content = randomBytes(1 << 20)
        try content.write(to: log)
        let config = try writeConfig("\(log.path) {\n  rotate 2\n  compress\n}\n", in: dir)
        let state = dir.appendingPathComponent("state").path
        let stateText = "logrotate state -- version 2\n\"\(log.path)\" 2020-1-2-3:4:5\n"
        try Data(stateText.utf8).write(to: URL(fileURLWithPath: state))
        let result = try rotateUnderFileSizeLimit(state: state, config: config)

        #expect(result.status == 1)
        #expect(
            result.standardError.contains("failed to compress log \(dir.path)/app.log.1: File too large"),
            "the message gives the system's reason: \(result.standardError)"
        )
        #expect(try Data(contentsOf: dir.appendingPathComponent("app.log.1")) == content)
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("app.log.1.gz").path), "no partial archive")
        #expect(try String(contentsOfFile: state, encoding: .utf8) == stateText, "the failed rotation is not recorded")
    }

    /// A compression that fails stops only its log: the logs after it rotate and compress completely, and are recorded.
    @Test func compress_failingWhileLaterLogsRotate_failsOnlyThatLog() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        let failing = randomBytes(1 << 20)
        try failing.write(to: dir.appendingPathComponent("a.log"))
        let small = ["b.log": Data("bee\n".utf8), "c.log": Data(String(repeating: "sea\n", count: 50_000).utf8)]
        for (name, content) in small { try content.write(to: dir.appendingPathComponent(name)) }
        let config = try writeConfig("\(dir.path)/*.log {\n  rotate 2\n  compress\n}\n", in: dir)
        let state = dir.appendingPathComponent("state").path
        let oldEntry = "\"\(dir.appendingPathComponent("a.log").path)\" 2020-1-2-3:4:5\n"
        try Data("logrotate state -- version 2\n\(oldEntry)".utf8).write(to: URL(fileURLWithPath: state))
        let result = try rotateUnderFileSizeLimit(state: state, config: config)

        #expect(result.status == 1)
        #expect(try Data(contentsOf: dir.appendingPathComponent("a.log.1")) == failing)
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("a.log.1.gz").path), "no partial archive")
        for (name, content) in small {
            #expect(!fm.fileExists(atPath: dir.appendingPathComponent(name + ".1").path))
            let archive = dir.appendingPathComponent(name + ".1.gz").path
            let unzipped = try CommandRunner.run(URL(fileURLWithPath: "/bin/gzip"), ["-dc", archive])
            #expect(unzipped.status == 0)
            #expect(Data(unzipped.standardOutput.utf8) == content)
        }
        let recorded = try String(contentsOfFile: state, encoding: .utf8)
        #expect(recorded.contains(oldEntry), "the failed rotation is not recorded")
        #expect(recorded.contains("/b.log\" ") && recorded.contains("/c.log\" "))
    }

    @Test func copy_whenTheFileSystemIsFull_leavesTheLogAndNoPartialCopy() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        let mount = dir.appendingPathComponent("small")
        try fm.createDirectory(at: mount, withIntermediateDirectories: true)
        let mounted = try CommandRunner.run(
            URL(fileURLWithPath: "/bin/mount"),
            ["-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", mount.path]
        )
        try #require(mounted.status == 0, "cannot mount a tmpfs here (needs root): \(mounted.standardError)")
        defer { _ = try? CommandRunner.run(URL(fileURLWithPath: "/bin/umount"), [mount.path]) }
        let log = mount.appendingPathComponent("app.log")
        let content = randomBytes(700 << 10)
        try content.write(to: log)
        let config = try writeConfig("\(log.path) {\n  rotate 2\n  copy\n}\n", in: dir)
        let state = dir.appendingPathComponent("state").path

        let result = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-f", "-s", state, config])

        #expect(result.status == 1)
        #expect(result.standardError.contains("No space left on device"))
        #expect(try Data(contentsOf: log) == content)
        #expect(try fm.contentsOfDirectory(atPath: mount.path) == ["app.log"], "no partial copy is left")
    }
}
