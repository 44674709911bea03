import Foundation
import PlatformTesting

/// Runs a program to completion and keeps what it printed.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
    /// The program was still running at the timeout and was killed.
    var timedOut = false
}

/// Helpers to run the built `logrotated` binary and other programs from tests.
enum CommandRunner {
    /// The `logrotated` executable built next to the test bundle.
    static var logrotated: URL {
        let here = URL(fileURLWithPath: #filePath)
        let packageRoot = here.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("logrotated"),
            packageRoot.appendingPathComponent(".build/debug/logrotated"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    /// The system's logrotate, when installed.
    static var logrotate: URL? {
        ["/usr/sbin/logrotate", "/sbin/logrotate", "/usr/bin/logrotate"].map(URL.init(fileURLWithPath:))
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `executable` with `arguments` in `directory`, with standard input from /dev/null.
    static func run(
        _ executable: URL,
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        let child = try Child(executable, arguments, in: directory, environment: environment)
        child.process.waitUntilExit()
        return child.result(timedOut: false)
    }

    /// ``run(_:_:in:environment:)``, killing the program (SIGKILL, with its process group) when it still runs after
    /// `timeout`; waits without holding a thread, so programs that hang in concurrent tests time out together.
    static func run(
        _ executable: URL,
        _ arguments: [String],
        in directory: URL? = nil,
        environment: [String: String] = [:],
        timeout: Duration
    ) async throws -> CommandResult {
        let child = try Child(executable, arguments, in: directory, environment: environment)
        let deadline = ContinuousClock.now + timeout
        while child.process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        let timedOut = child.process.isRunning
        if timedOut {
            let pid = child.process.processIdentifier
            if getpgid(pid) == pid { kill(-pid, SIGKILL) }
            kill(pid, SIGKILL)
        }
        child.process.waitUntilExit()
        return child.result(timedOut: timedOut)
    }

    /// A started program whose output goes to files (rather than pipes: no deadlock whatever the amount of output).
    private final class Child {
        let process = Process()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cmd-\(UUID().uuidString)")
        var outURL: URL { scratch.appendingPathComponent("out") }
        var errURL: URL { scratch.appendingPathComponent("err") }

        init(_ executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String]) throws {
            process.executableURL = executable
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            process.environment = ProcessTimeZone.childEnvironment(from: ProcessInfo.processInfo.environment)
                .merging(environment) { $1 }
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data().write(to: outURL)
            try Data().write(to: errURL)
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        deinit { try? FileManager.default.removeItem(at: scratch) }

        /// What the exited program printed, and its status.
        func result(timedOut: Bool) -> CommandResult {
            CommandResult(
                status: process.terminationStatus,
                standardOutput: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                standardError: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
                timedOut: timedOut
            )
        }
    }
}
