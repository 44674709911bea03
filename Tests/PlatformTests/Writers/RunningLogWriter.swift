import Foundation
import Platform
import SystemPackage

/// A `logwriter` child process writing numbered lines into a log.
final class RunningLogWriter {
    let process = Process()
    let log: FilePath
    let pidFile: FilePath
    /// The writer's standard error, a file: a pipe's write end would leak into children spawned concurrently by
    /// other tests, and reading it to the end would wait for them.
    private let errorsPath: String

    /// Starts `logwriter LOG --pidfile LOG.pid ARGUMENTS` and waits until it wrote its pidfile.
    init(log: FilePath, _ arguments: [String]) throws {
        guard let binary = WritersFixture.logWriter else { throw FixtureError("logwriter could not be compiled") }
        self.log = log
        pidFile = FilePath(log.string + ".pid")
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [log.string, "--pidfile", pidFile.string] + arguments
        errorsPath = log.string + ".stderr"
        guard FileManager.default.createFile(atPath: errorsPath, contents: nil),
            let errors = FileHandle(forWritingAtPath: errorsPath)
        else { throw FixtureError("can't create \(errorsPath)") }
        defer { try? errors.close() }
        process.standardError = errors
        try process.run()
        guard WritersFixture.eventually({ FileManager.default.fileExists(atPath: pidFile.string) }) else {
            throw FixtureError("logwriter did not write \(pidFile)")
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits until the log at `path` (the writer's log by default) has at least `bytes` bytes.
    func waitForSize(_ bytes: UInt64, of path: FilePath? = nil) -> Bool {
        WritersFixture.eventually { WritersFixture.size(path ?? log) >= bytes }
    }

    /// Sends SIGTERM, waits for the exit and returns how many lines the writer wrote (its "written N" report).
    func stop() throws -> Int {
        try sendSignal(.terminate, to: pid)
        process.waitUntilExit()
        let report = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
        let count = report.split(separator: " ").last.flatMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard process.terminationStatus == 0, let count else {
            throw FixtureError("logwriter ended with \(process.terminationStatus): \(report)")
        }
        return count
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What the numbered lines of several files, concatenated, look like.
struct LineAudit: Equatable {
    var lines = 0
    var missing = 0
    var duplicated = 0
    var malformed = 0
}

extension LineAudit {
    /// Checks that the concatenation of `files` (oldest first) is "1\n" … "count\n".
    init(files: [FilePath], expectedCount count: Int) throws {
        var seen = [Bool](repeating: false, count: count + 1)
        var data = Data()
        for file in files { data.append(try Data(contentsOf: URL(fileURLWithPath: file.string))) }
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast() {
            lines += 1
            guard let number = Int(String(decoding: line, as: UTF8.self)), number >= 1, number <= count else {
                malformed += 1
                continue
            }
            if seen[number] { duplicated += 1 }
            seen[number] = true
        }
        missing = seen.dropFirst().filter { !$0 }.count
    }
}
