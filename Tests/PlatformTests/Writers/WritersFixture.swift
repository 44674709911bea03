import Foundation
import Platform
import SystemPackage

/// Real processes and real file systems for the writer, signal and truncation tests.
enum WritersFixture {
    /// The package directory, found from this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Helpers/logwriter.c` compiled once per test run; `nil` when `cc` fails.
    static let logWriter: String? = {
        let source = packageRoot.appendingPathComponent("Tests/Helpers/logwriter.c").path
        guard let directory = try? newDirectory(in: NSTemporaryDirectory()) else { return nil }
        let binary = directory.appending("logwriter").string
        let status = try? run("/usr/bin/env", ["cc", "-O2", "-o", binary, source]).status
        return status == 0 ? binary : nil
    }()

    /// A directory on ext4 or xfs, where `FALLOC_FL_COLLAPSE_RANGE` works; `nil` if none of the candidates is.
    static let collapseCapableRoot: String? = {
        let candidates = [packageRoot.appendingPathComponent(".build").path, "/var/tmp", NSTemporaryDirectory()]
        return candidates.first { ["ext2/ext3", "xfs"].contains(fileSystemType($0)) }
    }()

    /// A writable tmpfs directory (no collapse support); `nil` if there is none.
    static let tmpfsRoot: String? = {
        ["/dev/shm", "/run/user/\(getuid())", "/tmp"].first {
            fileSystemType($0) == "tmpfs" && access($0, W_OK) == 0
        }
    }()

    /// A new empty directory inside `root`.
    static func newDirectory(in root: String) throws -> FilePath {
        let path = (root as NSString).appendingPathComponent("lr-writers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return FilePath(path)
    }

    /// `stat -f -c %T`: "ext2/ext3" (also for ext4), "xfs", "tmpfs", …
    static func fileSystemType(_ path: String) -> String? {
        guard let result = try? run("/usr/bin/stat", ["-f", "-c", "%T", path]), result.status == 0 else { return nil }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a program to its end; returns its status and standard output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Polls `condition` every 5 ms until it holds or `timeout` seconds passed; returns whether it held.
    static func eventually(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(5_000)
        }
        return try condition()
    }

    /// The size of a file, 0 when it is missing.
    static func size(_ path: FilePath) -> UInt64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path.string)
        return (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
    }
}
