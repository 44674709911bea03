import Foundation
import Testing

/// Runs killed (SIGKILL, by a real child of the run) or failing half-way: the next run finishes the rotation from the
/// journal, with no line lost or duplicated, no `.backup` of our own and no partial file.
@Suite struct InterruptedRunTests {
    private let fm = FileManager.default

    private func scratch() throws -> URL {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "lr-interrupted-\(UUID().uuidString)"
        )
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @discardableResult
    private func shell(_ command: String, in dir: URL) throws -> CommandResult {
        try CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: dir)
    }

    private func rotate(_ dir: URL, force: Bool) throws -> CommandResult {
        let arguments = ["rotate"] + (force ? ["-f"] : []) + ["-s", dir.appendingPathComponent("state").path]
        return try CommandRunner.run(CommandRunner.logrotated, arguments + [dir.appendingPathComponent("cfg").path])
    }

    /// Shell lines that SIGKILL the parent process (the run, when they are a script it runs directly) the first time
    /// they run.
    private func killOnce(_ name: String, in dir: URL) -> String {
        let marker = dir.appendingPathComponent("\(name).ran").path
        return "if [ ! -e \(marker) ]; then : > \(marker); kill -9 $PPID; sleep 5; fi"
    }

    /// A program that SIGKILLs the run that started it the first time it runs, and runs `then` afterwards.
    private func killerOnce(_ name: String, then command: String, in dir: URL) throws {
        let url = dir.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(killOnce(name, in: dir))\n\(command)\n".utf8).write(to: url)
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    /// What is wrong with `lines` against `expected`: lines missing and lines seen twice (empty when they match).
    private func damage(_ lines: [String], _ expected: [String]) -> String {
        let missing = Set(expected).subtracting(lines).sorted()
        let duplicated = Dictionary(grouping: lines, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        let unexpected = Set(lines).subtracting(expected).sorted()
        guard !missing.isEmpty || !duplicated.isEmpty || !unexpected.isEmpty else { return "" }
        return
            "missing \(missing.prefix(5)) (\(missing.count)), duplicated \(duplicated.prefix(5)) (\(duplicated.count)), "
            + "unexpected \(unexpected.prefix(5))"
    }

    /// Every line of the log and its archives (gzip ones uncompressed), sorted, and the directory's names.
    private func contents(_ dir: URL) throws -> (lines: [String], names: [String]) {
        let lines = try shell("for f in app.log*; do case $f in *.gz) zcat $f;; *) cat $f;; esac; done", in: dir)
        let names = try fm.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("app.log") || $0.hasPrefix(".") }
        return (lines.standardOutput.split(separator: "\n").map(String.init).sorted(), names.sorted())
    }

    @Test func killedDuringCompression_nextRunCompressesTheRotatedFile_once() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try killerOnce("compress", then: "exec gzip", in: dir)
        try shell("seq 1 2000 > app.log && echo old | gzip > app.log.1.gz", in: dir)
        let config =
            "\(dir.path)/app.log {\n  daily\n  rotate 5\n  missingok\n  compress\n  compresscmd \(dir.path)/compress\n  compressext .gz\n}\n"
        try Data(config.utf8).write(to: dir.appendingPathComponent("cfg"))

        let killed = try rotate(dir, force: true)
        #expect(killed.status != 0)
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("app.log.1").path), "killed before compressing")

        let next = try rotate(dir, force: false)
        #expect(next.status == 0, "\(next.standardError)")
        let (lines, names) = try contents(dir)
        #expect(names == ["app.log.1.gz", "app.log.2.gz"], "no uncompressed, backup or temporary file is left")
        #expect(damage(lines, (1...2000).map(String.init) + ["old"]) == "", "every line exactly once")
        #expect(try String(contentsOf: dir.appendingPathComponent("state"), encoding: .utf8).contains("app.log"))
        let journal = try fm.attributesOfItem(atPath: dir.appendingPathComponent("state.journal").path)
        #expect(journal[.size] as? Int == 0)
    }

    @Test func killedAfterCopytruncate_nextRunRecordsTheRotationAndDoesNotRotateAgain() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try shell("seq 1 500 > app.log", in: dir)
        let config = """
            \(dir.path)/app.log {
              daily
              rotate 3
              copytruncate
              postrotate
                \(killOnce("post", in: dir))
              endscript
            }

            """
        try Data(config.utf8).write(to: dir.appendingPathComponent("cfg"))

        #expect(try rotate(dir, force: true).status != 0)
        let next = try rotate(dir, force: false)
        #expect(next.status == 0, "\(next.standardError)")
        let (lines, names) = try contents(dir)
        #expect(names == ["app.log", "app.log.1"], "rotated once: the next run knew the rotation was done")
        #expect(damage(lines, (1...500).map(String.init)) == "")
    }

    @Test func killedAfterTheRenameWithDelaycompress_nextRunLeavesOneUncompressedGeneration() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try shell("seq 1 300 > app.log && seq 301 400 > app.log.1 && echo old | gzip > app.log.2.gz", in: dir)
        let config = """
            \(dir.path)/app.log {
              daily
              rotate 4
              missingok
              compress
              delaycompress
              postrotate
                \(killOnce("post", in: dir))
              endscript
            }

            """
        try Data(config.utf8).write(to: dir.appendingPathComponent("cfg"))

        #expect(try rotate(dir, force: true).status != 0)
        let next = try rotate(dir, force: false)
        #expect(next.status == 0, "\(next.standardError)")
        let (lines, names) = try contents(dir)
        #expect(names == ["app.log.1", "app.log.2.gz", "app.log.3.gz"], "rotated once; nothing compressed twice")
        #expect(damage(lines, (1...400).map(String.init) + ["old"]) == "")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr")))
    func copytruncateThatCannotTruncate_movesNothing() throws {
        let dir = try scratch()
        defer {
            try? shell("chattr -a app.log", in: dir)
            try? fm.removeItem(at: dir)
        }
        try shell("seq 1 100 > app.log && echo a > app.log.1 && echo b > app.log.2", in: dir)
        // An append-only log (chattr +a) can be read and copied but not truncated.
        guard try shell("chattr +a app.log", in: dir).status == 0 else { return }
        let config = "\(dir.path)/app.log {\n  rotate 3\n  copytruncate\n}\n"
        try Data(config.utf8).write(to: dir.appendingPathComponent("cfg"))

        let result = try rotate(dir, force: true)
        #expect(result.status == 1)
        #expect(result.standardError.contains("error truncating \(dir.path)/app.log"))
        let (lines, names) = try contents(dir)
        #expect(names == ["app.log", "app.log.1", "app.log.2"], "the generations are back where they were")
        #expect(damage(lines, (1...100).map(String.init) + ["a", "b"]) == "")
        #expect(try String(contentsOf: dir.appendingPathComponent("app.log.1"), encoding: .utf8) == "a\n")
    }

    @Test func killedAfterTheRotationBeforeTheStateSave_nextRunRecordsItAndDoesNotRotateAgain() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try shell("seq 1 100 > app.log && echo x > other.log", in: dir)
        let old = "2020-1-1-0:0:0"
        let state = "logrotate state -- version 2\n\"\(dir.path)/app.log\" \(old)\n\"\(dir.path)/other.log\" \(old)\n"
        try Data(state.utf8).write(to: dir.appendingPathComponent("state"))
        // app.log's block is over (rotated, journal ended for this run) when other.log's firstaction kills the run,
        // before the state file is written at the end.
        let config =
            "\(dir.path)/app.log {\n  daily\n  rotate 5\n  create\n}\n"
            + "\(dir.path)/other.log {\n  daily\n  firstaction\n    \(killOnce("first", in: dir))\n  endscript\n}\n"
        try Data(config.utf8).write(to: dir.appendingPathComponent("cfg"))

        let killed = try rotate(dir, force: false)
        #expect(killed.status != 0)
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("app.log.1").path), "rotated before the kill")
        #expect(try String(contentsOf: dir.appendingPathComponent("state"), encoding: .utf8).contains(old))
        try shell("echo after > app.log", in: dir)

        let next = try rotate(dir, force: false)
        #expect(next.status == 0, "\(next.standardError)")
        let (lines, names) = try contents(dir)
        #expect(names == ["app.log", "app.log.1"], "the daily log is not rotated a second time")
        #expect(damage(lines, (1...100).map(String.init) + ["after"]) == "")
        let saved = try String(contentsOf: dir.appendingPathComponent("state"), encoding: .utf8)
        #expect(!saved.contains("app.log\" \(old)"), "the interrupted rotation is recorded")
    }
}
