import Foundation

/// A temporary directory with a configuration for `DIR/app.log`, a writer process piped into `logrotated pipe`, and
/// the lines read back from the log and every archive (gzip archives decompressed).
final class PipeFixture {
    let directory: URL
    let writer = Process()
    let pipe = Process()
    private let errorFile: URL

    var log: String { directory.appendingPathComponent("app.log").path }
    var state: String { directory.appendingPathComponent("state").path }
    var config: String { directory.appendingPathComponent("cfg").path }

    /// Writes the configuration block `body` for the log.
    init(block body: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lr-pipe-\(UUID().uuidString)")
        errorFile = directory.appendingPathComponent("pipe.err")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("\(directory.path)/app.log {\n\(body)\n}\n".utf8).write(to: URL(fileURLWithPath: config))
    }

    deinit {
        for process in [writer, pipe] where process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts `/bin/sh -c SCRIPT` writing into `logrotated pipe ARGUMENTS LOG` (or, with no script, a pipe the test
    /// writes through `input`).
    @discardableResult
    func start(writer script: String?, arguments: [String] = []) throws -> FileHandle? {
        let channel = Pipe()
        pipe.executableURL = CommandRunner.logrotated
        pipe.arguments = ["pipe", "-c", config, "-s", state] + arguments + [log]
        pipe.standardInput = channel
        pipe.standardOutput = FileHandle.nullDevice
        try Data().write(to: errorFile)
        pipe.standardError = try FileHandle(forWritingTo: errorFile)
        try pipe.run()
        guard let script else { return channel.fileHandleForWriting }
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", script]
        writer.standardOutput = channel
        try writer.run()
        try channel.fileHandleForWriting.close()
        return nil
    }

    /// What `logrotated pipe` printed on standard error.
    var standardError: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// Waits for the pipe to exit (at most `timeout` seconds; then it is killed) and returns its status.
    func waitForPipe(timeout: Double = 120) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while pipe.isRunning && Date() < deadline { usleep(10_000) }
        if pipe.isRunning { kill(pipe.processIdentifier, SIGKILL) }
        pipe.waitUntilExit()
        return pipe.terminationStatus
    }

    /// The archives (every `app.log.*` file) and the log, oldest first: numbered archives by descending number.
    var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let archives = names.filter { $0.hasPrefix("app.log.") }.sorted { number(of: $0) > number(of: $1) }
        return archives.map { directory.appendingPathComponent($0).path } + [log]
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
