import Foundation
import Testing

/// `copytruncate` through `logrotated rotate` while a real writer appends at a high rate.
@Suite(.serialized) struct LosslessCopytruncateTests {
    /// `stat -f -c %T` of a directory ("ext2/ext3" for ext4, "xfs", "tmpfs", …).
    private static func fileSystemType(_ path: String) -> String {
        let result = try? CommandRunner.run(URL(fileURLWithPath: "/usr/bin/stat"), ["-f", "-c", "%T", path])
        return result?.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// Every numbered line of `files` (oldest first): how many are missing or duplicated among 1...max.
    private static func audit(_ files: [String]) -> (lines: Int, missing: Int, duplicated: Int) {
        var seen: [Int: Int] = [:]
        for file in files {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") { seen[Int(line) ?? -1, default: 0] += 1 }
        }
        let top = seen.keys.max() ?? 0
        let missing = (1...max(top, 1)).filter { seen[$0] == nil }.count
        return (top, missing, seen.values.filter { $0 > 1 }.count + (seen[-1] ?? 0))
    }

    private func rotateUnderLoad(in directory: String, rotations: Int) throws -> (String, [String]) {
        let log = directory + "/busy.log"
        let config = directory + "/cfg"
        try "\(log) {\n  rotate 20\n  copytruncate\n}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let writer = try LogWriterProcess(log: log, ["--rate", "50000"])
        var errors = ""
        for round in 0..<rotations {
            let size = { ((try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0) }
            #expect(LogWriterProcess.eventually { size() > 64 * 1024 }, "round \(round)")
            let result = try logrotated(["rotate", "-v", "-f", "-s", directory + "/state", config])
            #expect(result.status == 0, "\(result.standardError)")
            errors += result.standardError
        }
        writer.stop()
        let archives = (1...rotations).reversed().map { "\(log).\($0)" }
        return (errors, archives + [log])
    }

    @Test func copytruncate_onExt4UnderAFastWriter_keepsEveryLineExactlyOnce() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard ["ext2/ext3", "xfs"].contains(Self.fileSystemType(directory)) else {
            print("skipped: \(directory) is not on ext4 or xfs")
            return
        }
        let (output, files) = try rotateUnderLoad(in: directory, rotations: 4)
        #expect(output.contains("copytruncate: collapsed the first"), "\(output)")
        let audit = Self.audit(files)
        #expect(audit.lines > 1000)
        #expect(audit.missing == 0 && audit.duplicated == 0, "\(audit)")
    }

    @Test func copytruncate_onTmpfs_reportsTheFallback() throws {
        guard Self.fileSystemType("/dev/shm") == "tmpfs", access("/dev/shm", W_OK) == 0 else {
            print("skipped: no writable tmpfs at /dev/shm")
            return
        }
        let directory = try scratchDirectory(in: "/dev/shm")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (output, _) = try rotateUnderLoad(in: directory, rotations: 1)
        #expect(output.contains("warning: copytruncate: could not collapse"), "\(output)")
    }
}
