import Foundation

/// A temporary directory with a configuration for `LOGS/app.log` (`LOGS` is the directory itself or a subdirectory),
/// a writer process piped into `logrotated pipe`, and the lines read back from the log and every archive (gzip
/// archives decompressed).
final class PipeFixture {
    let directory: URL
    /// Where the log and its archives are: `directory` or a subdirectory of it (a file system of its own once
    /// `mountLogs` mounted one there).
    let logs: URL
    let writer = Process()
    let pipe = Process()
    private let errorFile: URL
    private let exited = DispatchSemaphore(value: 0)
    private var mounted = false

    var log: String { logs.appendingPathComponent("app.log").path }
    var state: String { directory.appendingPathComponent("state").path }
    var config: String { directory.appendingPathComponent("cfg").path }

    /// Writes the configuration block `body` for the log, kept in the subdirectory `subdirectory` when given.
    init(block body: String, logsIn subdirectory: String? = nil) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lr-pipe-\(UUID().uuidString)")
        self.directory = directory
        logs = subdirectory.map { directory.appendingPathComponent($0) } ?? directory
        errorFile = directory.appendingPathComponent("pipe.err")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        try Data("\(logs.path)/app.log {\n\(body)\n}\n".utf8).write(to: URL(fileURLWithPath: config))
    }

    deinit {
        for process in [writer, pipe] where process.isRunning { process.terminate() }
        if mounted { _ = try? CommandRunner.run(URL(fileURLWithPath: "/bin/umount"), ["-l", logs.path]) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Mounts a tmpfs of `inodes` inodes (its root takes one) on the logs' subdirectory: creating a file there fails
    /// (`ENOSPC`) once they are taken. Needs root.
    func mountLogs(inodes: Int) throws {
        let options = "size=4m,nr_inodes=\(inodes),mode=0755"
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/bin/mount"),
            ["-t", "tmpfs", "-o", options, "tmpfs", logs.path]
        )
        guard result.status == 0 else { throw WriterError("mount: \(result.standardError)") }
        mounted = true
    }

    /// Gives the logs' tmpfs `inodes` inodes.
    func remountLogs(inodes: Int) throws {
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/bin/mount"),
            ["-o", "remount,nr_inodes=\(inodes)", logs.path]
        )
        guard result.status == 0 else { throw WriterError("remount: \(result.standardError)") }
    }

    /// Starts `/bin/sh -c SCRIPT` writing into `logrotated pipe ARGUMENTS LOG` (or, with no script, a pipe the test
    /// writes through `input`); `environment` is added to the pipe's.
    @discardableResult
    func start(
        writer script: String?,
        arguments: [String] = [],
        environment: [String: String] = [:]
    ) throws -> FileHandle? {
        let channel = Pipe()
        pipe.executableURL = CommandRunner.logrotated
        pipe.arguments = ["pipe", "-c", config, "-s", state] + arguments + [log]
        pipe.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        pipe.standardInput = channel
        pipe.standardOutput = FileHandle.nullDevice
        try Data().write(to: errorFile)
        pipe.standardError = try FileHandle(forWritingTo: errorFile)
        pipe.terminationHandler = { [exited] _ in exited.signal() }
        try pipe.run()
        guard let script else { return channel.fileHandleForWriting }
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", script]
        writer.standardOutput = channel
        try writer.run()
        try channel.fileHandleForWriting.close()
        return nil
    }

    /// Shell commands that wait until a file exists at `path` (for at most 10 minutes): how a writer or a command
    /// of the configuration waits for the test, which creates the file, without either side blocking on the other.
    static func waitingFor(_ path: String) -> String {
        "i=0; while [ ! -e '\(path)' ] && [ $i -lt 12000 ]; do sleep 0.05; i=$((i+1)); done"
    }

    /// What `logrotated pipe` printed on standard error.
    var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// Waits for the pipe to exit (at most `timeout` seconds; then it is killed) and returns its status.
    func waitForPipe(timeout: Double = 120) -> Int32 {
        if exited.wait(timeout: .now() + timeout) == .timedOut { kill(pipe.processIdentifier, SIGKILL) }
        pipe.waitUntilExit()
        return pipe.terminationStatus
    }

    /// The archives (every `app.log.*` file) and the log, oldest first: numbered archives by descending number.
    var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? []
        let archives = names.filter { $0.hasPrefix("app.log.") }.sorted { number(of: $0) > number(of: $1) }
        return archives.map { logs.appendingPathComponent($0).path } + [log]
    }

    private func number(of name: String) -> Int {
        Int(name.dropFirst("app.log.".count).split(separator: ".").first ?? "") ?? 0
    }

    /// The content of each file of `files`, decompressed.
    func contents() throws -> [String] {
        try files.map { path in
            guard path.hasSuffix(".gz") else { return try String(contentsOfFile: path, encoding: .utf8) }
            let result = try CommandRunner.run(URL(fileURLWithPath: "/bin/gzip"), ["-dc", path])
            return result.standardOutput
        }
    }
}
