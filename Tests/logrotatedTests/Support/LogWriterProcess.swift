import Foundation

/// A `Tests/Helpers/logwriter.c` child writing numbered lines into a log, for end-to-end rotation tests.
final class LogWriterProcess {
    let process = Process()
    let pidFile: String

    /// The helper compiled once per test run; `nil` when `cc` is missing.
    static let binary: String? = {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Helpers/logwriter.c").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("logwriter-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("logwriter")
        let result = try? CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["cc", "-O2", "-o", output.path, source]
        )
        return result?.status == 0 ? output.path : nil
    }()

    /// Starts `logwriter LOG --pidfile LOG.pid ARGUMENTS` and waits for its pidfile.
    init(log: String, _ arguments: [String]) throws {
        guard let binary = Self.binary else { throw WriterError("logwriter could not be compiled") }
        pidFile = log + ".pid"
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [log, "--pidfile", pidFile] + arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard Self.eventually({ FileManager.default.fileExists(atPath: self.pidFile) }) else {
            throw WriterError("logwriter did not write \(pidFile)")
        }
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Stops the writer with SIGTERM and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// Polls `condition` every 10 ms until it holds or `timeout` seconds passed.
    static func eventually(timeout: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}

struct WriterError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A scratch directory on a file system that can collapse ranges (ext4/xfs: the package's `.build`), else `/tmp`.
func scratchDirectory(in root: String? = nil) throws -> String {
    let base =
        root
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build").path
    let path = (base as NSString).appendingPathComponent("cures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Runs `logrotated ARGUMENTS`.
func logrotated(_ arguments: [String]) throws -> CommandResult {
    try CommandRunner.run(CommandRunner.logrotated, arguments)
}
