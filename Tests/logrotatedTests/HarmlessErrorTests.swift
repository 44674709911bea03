import Foundation
import Testing

/// Errors logrotate prints without failing the run: the message is shown as `error: …`, the rotation completes and
/// the exit status stays 0.
@Suite struct HarmlessErrorTests {
    private let fm = FileManager.default

    private func scratch() throws -> URL {
        let dir = fm.temporaryDirectory.appendingPathComponent("lr-harmless-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func rotate(_ config: String, in dir: URL) throws -> CommandResult {
        let configPath = dir.appendingPathComponent("cfg").path
        try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))
        let state = dir.appendingPathComponent("state").path
        return try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-f", "-s", state, configPath])
    }

    @Test func compressor_writingToStandardErrorButSucceeding_keepsTheArchiveAndExitsZero() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        let noisy = dir.appendingPathComponent("noisy-gzip")
        try Data("#!/bin/sh\necho 'deprecated flag, carrying on' >&2\nexec gzip \"$@\"\n".utf8).write(to: noisy)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: noisy.path)
        let log = dir.appendingPathComponent("worker.log")
        try Data("job 17 done\n".utf8).write(to: log)

        let result = try rotate(
            "\(log.path) {\n  rotate 3\n  compress\n  compresscmd \(noisy.path)\n  compressoptions -6\n}\n",
            in: dir
        )

        #expect(result.status == 0)
        let expected =
            "error: Compressing program wrote following message to stderr when compressing log \(log.path).1:\n"
            + "deprecated flag, carrying on"
        #expect(result.standardError.contains(expected))
        let archive = dir.appendingPathComponent("worker.log.1.gz").path
        let unzipped = try CommandRunner.run(URL(fileURLWithPath: "/bin/gzip"), ["-dc", archive])
        #expect(unzipped.standardOutput == "job 17 done\n")
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("worker.log.1").path))
    }

    @Test func oldestGeneration_removedByAScriptBeforeItsDisposal_isReportedAndTheRunSucceeds() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        let log = dir.appendingPathComponent("api.log")
        try Data("request\n".utf8).write(to: log)
        try Data("older\n".utf8).write(to: dir.appendingPathComponent("api.log.1"))
        let oldest = dir.appendingPathComponent("api.log.2").path

        let config = "\(log.path) {\n  rotate 1\n  postrotate\n    rm -f \(oldest)\n  endscript\n}\n"
        let result = try rotate(config, in: dir)

        #expect(result.status == 0)
        #expect(result.standardError.contains("error: error unlinking log file \(oldest): No such file or directory"))
        #expect(try String(contentsOf: dir.appendingPathComponent("api.log.1"), encoding: .utf8) == "request\n")
        #expect(!fm.fileExists(atPath: oldest))
    }
}
