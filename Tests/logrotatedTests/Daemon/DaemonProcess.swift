import Foundation
import Glibc
import PlatformTesting

/// A `logrotated run` child process with a temp dir for its configuration, state, logs and notify socket.
final class DaemonProcess {
    let directory: URL
    let notify: NotifySocketListener
    private let process = Process()
    private let errorURL: URL

    /// A fresh temp dir with `config` written to `conf` (`@DIR@` replaced by the dir's path).
    init(config: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        notify = try NotifySocketListener(path: directory.appendingPathComponent("notify.sock").path)
        errorURL = directory.appendingPathComponent("stderr")
        try write("conf", config)
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `text` to `name` in the temp dir (`@DIR@` replaced).
    func write(_ name: String, _ text: String) throws {
        try text.replacingOccurrences(of: "@DIR@", with: directory.path)
            .write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Appends `count` bytes of log lines to `name`.
    func append(_ name: String, bytes count: Int) throws {
        let handle = try FileHandle(forWritingTo: directory.appendingPathComponent(name))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0x78, count: count))
    }

    /// Starts `logrotated run --config conf --state status` plus `arguments` (through `sh`, which `exec`s it, so
    /// `$$` in `prefix` is the daemon's pid).
    func start(_ arguments: [String] = [], environment: [String: String] = [:], prefix: String = "") throws {
        let command =
            ([CommandRunner.logrotated.path, "run", "--config", path("conf"), "--state", path("status")]
            + arguments).map { "'\($0)'" }.joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(prefix) exec \(command)"]
        process.environment = ProcessTimeZone.childEnvironment(from: ProcessInfo.processInfo.environment)
            .merging(environment) { $1 }
            .merging(["NOTIFY_SOCKET": notify.path]) { $1 }
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Spins until the shell has exec'd the daemon (its command name is `logrotated`), so that a signal sent next
    /// reaches the daemon in its first milliseconds; false after `timeout`.
    func waitForExec(timeout: Duration = .seconds(10)) -> Bool {
        let comm = "/proc/\(process.processIdentifier)/comm"
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if (try? String(contentsOfFile: comm, encoding: .utf8)) == "logrotated\n" { return true }
        }
        return false
    }

    /// Waits for the daemon to exit; its exit status, or nil when it still runs after `timeout`.
    func waitForExit(timeout: Duration = .seconds(60)) -> Int32? {
        let finished = waitUntil(timeout: timeout) { !self.process.isRunning }
        return finished ? process.terminationStatus : nil
    }

    /// What the daemon logged so far.
    var standardError: String { (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "" }

    /// Whether `name` exists in the temp dir.
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// The names in the temp dir, sorted, without the test's own files.
    var logNames: [String] {
        let own: Set = ["conf", "stderr", "notify.sock", "status", "status.journal", "status.lock", "metrics.prom"]
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !own.contains($0) }.sorted()
    }
}

/// Checks `condition` every 20 ms until it holds; false after `timeout` (a failure, never a measurement).
func waitUntil(timeout: Duration = .seconds(30), _ condition: () -> Bool) -> Bool {
    let clock = ContinuousClock()
    let end = clock.now + timeout
    while !condition() {
        guard clock.now < end else { return false }
        usleep(20_000)
    }
    return true
}
