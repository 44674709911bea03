import Foundation
import Testing

/// A small ext4 file system, loop-mounted, for running out of space for real (root and loop devices needed).
private struct SmallExt4 {
    let scratch: URL
    let mountPoint: URL

    private static let fm = FileManager.default

    /// The first of `names` found in the usual system directories (a test's PATH may lack /usr/sbin).
    static func tool(_ name: String) -> URL? {
        ["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { fm.isExecutableFile(atPath: $0.path) }
    }

    /// Whether an ext4 image can be made and mounted here: tried once, with a real mount.
    static let available: Bool = {
        guard geteuid() == 0, tool("mkfs.ext4") != nil, tool("mount") != nil, tool("umount") != nil else {
            return false
        }
        guard let probe = try? SmallExt4(megabytes: 2) else { return false }
        probe.remove()
        return true
    }()

    /// Makes an image of `megabytes` MiB (no blocks reserved for root, so root fills it as anyone would) and mounts
    /// it; throws when any step fails.
    init(megabytes: Int) throws {
        scratch = Self.fm.temporaryDirectory.appendingPathComponent("lr-fulldisk-\(UUID().uuidString)")
        mountPoint = scratch.appendingPathComponent("mnt")
        try Self.fm.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let image = scratch.appendingPathComponent("ext4.img")
        do {
            guard Self.fm.createFile(atPath: image.path, contents: nil) else { throw SetupError("cannot create image") }
            let handle = try FileHandle(forWritingTo: image)
            try handle.truncate(atOffset: UInt64(megabytes) << 20)
            try handle.close()
            try Self.runTool("mkfs.ext4", ["-q", "-F", "-m", "0", image.path])
            try Self.runTool("mount", ["-o", "loop", image.path, mountPoint.path])
        } catch {
            try? Self.fm.removeItem(at: scratch)
            throw error
        }
    }

    /// Unmounts (lazily if busy) and removes the image and its directory.
    func remove() {
        if (try? Self.runTool("umount", [mountPoint.path])) == nil {
            _ = try? Self.runTool("umount", ["-l", mountPoint.path])
        }
        try? Self.fm.removeItem(at: scratch)
    }

    /// Bytes still free for writing (as an unprivileged writer sees them).
    func freeBytes() throws -> Int {
        var info = statvfs()
        guard statvfs(mountPoint.path, &info) == 0 else { throw SetupError("statvfs failed: errno \(errno)") }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }

    /// Fills the file system with `file` until only about `leave` bytes are free.
    func fill(_ file: URL, leaving leave: Int) throws {
        let chunk = Data(count: 64 << 10)
        guard Self.fm.createFile(atPath: file.path, contents: nil) else { throw SetupError("cannot create filler") }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        while try freeBytes() > leave + chunk.count {
            try handle.write(contentsOf: chunk)
            try handle.synchronize()
        }
    }

    @discardableResult
    static func runTool(_ name: String, _ arguments: [String]) throws -> CommandResult {
        guard let path = tool(name) else { throw SetupError("\(name) not found") }
        let result = try CommandRunner.run(path, arguments)
        guard result.status == 0 else { throw SetupError("\(name) \(arguments): \(result.standardError)") }
        return result
    }

    struct SetupError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// Running out of space in the middle of a rotation, on a real file system (an 8 MiB ext4 image): the run fails and
/// says why, no line of the log is lost, no partial archive is left under a final name, and once space returns the
/// next run completes and leaves a clean tree.
@Suite(.enabled(if: SmallExt4.available, "needs root and a loop device to mount a small ext4 image"))
struct FullDiskTests {
    private let fm = FileManager.default
    private static let lineCount = 40_000

    /// Numbered lines with a random (hexadecimal) payload, which gzip shrinks only to about half: "00000001 9f3c…".
    private static func numberedLines(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        text.reserveCapacity(count * 74)
        for number in 1...count {
            let payload = (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
            text += String(format: "%08d ", number) + payload.padding(toLength: 64, withPad: "0", startingAt: 0) + "\n"
        }
        return Data(text.utf8)
    }

    /// Line numbers found in each file of `directory`: gzip files decompressed (nil for one that does not decompress
    /// completely: a partial archive), others read as they are.
    private func linesByFile(in directory: URL) throws -> [String: [Int]?] {
        var out: [String: [Int]?] = [:]
        for name in try fm.contentsOfDirectory(atPath: directory.path) {
            let path = directory.appendingPathComponent(name).path
            let text: String
            if name.hasSuffix(".gz") {
                let unzipped = try CommandRunner.run(URL(fileURLWithPath: "/bin/gzip"), ["-dc", path])
                guard unzipped.status == 0 else {
                    out[name] = .some(nil)
                    continue
                }
                text = unzipped.standardOutput
            } else {
                text = try String(contentsOfFile: path, encoding: .utf8)
            }
            out[name] = text.split(separator: "\n").compactMap { Int($0.prefix(8)) }
        }
        return out
    }

    /// How many times each line number 1...lineCount appears across the files (partial archives left out).
    private func occurrences(_ files: [String: [Int]?]) -> [Int: Int] {
        var seen: [Int: Int] = [:]
        for case .some(let numbers) in files.values { for number in numbers { seen[number, default: 0] += 1 } }
        return seen
    }

    @Test func compress_onAFullExt4_losesNothingSaysWhyAndTheNextRunCompletes() async throws {
        let disk = try SmallExt4(megabytes: 8)
        defer { disk.remove() }
        let logs = disk.mountPoint.appendingPathComponent("logs")
        try fm.createDirectory(at: logs, withIntermediateDirectories: true)
        let log = logs.appendingPathComponent("app.log")
        let content = Self.numberedLines(Self.lineCount)  // about 2.9 MB; compressed about 1.6 MB
        try content.write(to: log)
        // Everything but 512 KiB taken: room for the rename and the new empty log, not for the compressed copy.
        let filler = disk.mountPoint.appendingPathComponent("filler")
        try disk.fill(filler, leaving: 512 << 10)
        let config = disk.scratch.appendingPathComponent("logrotate.conf")
        try Data("\(log.path) {\n  rotate 2\n  compress\n  create\n}\n".utf8).write(to: config)
        let state = disk.scratch.appendingPathComponent("state").path

        let failed = try await CommandRunner.run(
            CommandRunner.logrotated,
            ["rotate", "-f", "-s", state, config.path],
            timeout: .seconds(120)
        )

        #expect(!failed.timedOut)
        #expect(failed.status != 0, "a rotation that ran out of space fails")
        #expect(
            failed.standardError.contains("No space left on device"),
            "the message gives the system's reason: \(failed.standardError)"
        )
        let afterFailure = try linesByFile(in: logs)
        let seenAfterFailure = occurrences(afterFailure)
        let lost = (1...Self.lineCount).filter { seenAfterFailure[$0] == nil }
        let filesAfterFailure = afterFailure.keys.sorted()
        #expect(lost.isEmpty, "\(lost.count) lines lost (first \(lost.first ?? 0)); files: \(filesAfterFailure)")
        let partial = afterFailure.filter { $0.key.hasSuffix(".gz") && $0.value == nil }.keys.sorted()
        #expect(partial.isEmpty, "no partial archive under a final name: \(partial)")

        // Space returns; the next run finishes the job and the tree is what a clean history looks like.
        try fm.removeItem(at: filler)
        let next = try await CommandRunner.run(
            CommandRunner.logrotated,
            ["rotate", "-f", "-s", state, config.path],
            timeout: .seconds(120)
        )
        #expect(!next.timedOut)
        #expect(next.status == 0, "the run after space returned completes: \(next.standardError)")
        let afterNext = try linesByFile(in: logs)
        let unexpected = afterNext.keys.filter { $0 != "app.log" && !$0.hasSuffix(".gz") }.sorted()
        // The failed run left the rotated log as app.log.1 (journaled): the next run compresses it first.
        #expect(unexpected.isEmpty, "only the log and compressed generations remain: \(afterNext.keys.sorted())")
        let broken = afterNext.filter { $0.key.hasSuffix(".gz") && $0.value == nil }.keys.sorted()
        #expect(broken.isEmpty, "every archive decompresses completely: \(broken)")
        let seen = occurrences(afterNext)
        let missing = (1...Self.lineCount).filter { seen[$0] == nil }
        let twice = seen.filter { $0.value > 1 }.count
        let filesAfterNext = afterNext.keys.sorted()
        #expect(missing.isEmpty, "\(missing.count) lines lost (first \(missing.first ?? 0)): \(filesAfterNext)")
        #expect(twice == 0, "\(twice) lines appear more than once: \(afterNext.keys.sorted())")
    }
}
