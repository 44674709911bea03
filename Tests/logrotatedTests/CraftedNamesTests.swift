import Foundation
import Testing

/// Names and times chosen by whoever owns a log's directory cost that log at most, never the process.
@Suite struct CraftedNamesTests {
    private let fm = FileManager.default

    /// A scratch directory under `base` (tmpfs `/dev/shm` keeps times that ext4 clamps).
    private func scratch(in base: String = NSTemporaryDirectory()) throws -> URL {
        let dir = URL(fileURLWithPath: base).appendingPathComponent("lr-crafted-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs a shell command line in `dir`.
    @discardableResult
    private func shell(_ command: String, in dir: URL) throws -> CommandResult {
        try CommandRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: dir)
    }

    /// The files of the run itself: the config, the state file, its lock file and its rotation journal.
    static let ownFiles = ["cfg", "state", "state.journal", "state.lock"]

    /// `logrotated rotate` (`-f` unless a state file text is given) with `config` written in `dir`.
    private func rotate(_ config: String, in dir: URL, state stateText: String? = nil) throws -> CommandResult {
        let configPath = dir.appendingPathComponent("cfg").path
        try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))
        let state = dir.appendingPathComponent("state").path
        if let stateText { try Data(stateText.utf8).write(to: URL(fileURLWithPath: state)) }
        let force = stateText == nil ? ["-f"] : []
        return try CommandRunner.run(CommandRunner.logrotated, ["rotate"] + force + ["-s", state, configPath])
    }

    @Test func rotate_rotateMinus1WithMaximalIndex_warnsAndShiftsTheRealGenerations() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try shell("echo new > app.log && echo one > app.log.1 && : > app.log.9223372036854775807", in: dir)
        let result = try rotate("\(dir.path)/app.log {\n  rotate -1\n}\n", in: dir)

        #expect(result.status == 0)
        #expect(result.standardError.contains("warning: ignoring \(dir.path)/app.log.9223372036854775807"))
        let names = try fm.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["app.log.1", "app.log.2", "app.log.9223372036854775807"] + Self.ownFiles)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm")))
    func rotate_extremeModificationTimesWithMinageAndMaxage_rotatesWithoutCrashing() throws {
        let dir = try scratch(in: "/dev/shm")
        defer { try? fm.removeItem(at: dir) }
        try shell(
            "echo new > app.log && echo one > app.log.1 && echo two > app.log.2"
                + " && touch -d @-9223372036854775808 app.log app.log.2 && touch -d @9223372036854775807 app.log.1",
            in: dir
        )
        let config = "\(dir.path)/app.log {\n  daily\n  rotate 3\n  minage 1\n  maxage 1\n}\n"
        let state = "logrotate state -- version 2\n\"\(dir.path)/app.log\" 2020-1-2-3:4:5\n"
        let result = try rotate(config, in: dir, state: state)

        #expect(result.status == 0, "\(result.standardError)")
        let names = try fm.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["app.log.1", "app.log.2"] + Self.ownFiles, "the old .2 expired, .1 shifted")
    }

    /// The shell words for the name `caf\xe9` followed by `suffix` (Latin-1 é: not UTF-8).
    private func latin1(_ suffix: String) -> String {
        "\"$(printf 'caf\\351\(suffix)')\""
    }

    @Test func rotate_logNameNotUTF8_rotatesItAndNamesItsArchivesWithTheSameBytes() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try shell(
            "echo new > \(latin1(".log")) && echo one > \(latin1(".log.1")) && echo two | gzip > \(latin1(".log.2.gz"))",
            in: dir
        )
        let result = try rotate("\(dir.path)/*.log {\n  rotate 3\n  compress\n  delaycompress\n  create\n}\n", in: dir)

        #expect(result.status == 0, "\(result.standardError)")
        let expected = [".log", ".log.1", ".log.2.gz", ".log.3.gz"].map { "test -f \(latin1($0))" }
        let check = try shell(expected.joined(separator: " && ") + " && test $(ls | wc -l) -eq 8 && echo ok", in: dir)
        let listing = try shell("ls -b", in: dir).standardOutput
        #expect(check.standardOutput == "ok\n", "\(listing)")
        #expect(try shell("zcat \(latin1(".log.2.gz"))", in: dir).standardOutput == "one\n")
    }

    @Test func rotate_datedLogNameNotUTF8_removesItsOldestDatedArchive() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try shell("echo new > \(latin1(".log")) && echo old | gzip > \(latin1(".log-20200101.gz"))", in: dir)
        let config = "\(dir.path)/*.log {\n  rotate 1\n  compress\n  dateext\n  dateformat -%Y%m%d\n}\n"
        let result = try rotate(config, in: dir)

        #expect(result.status == 0, "\(result.standardError)")
        let listing = try shell("ls -b", in: dir).standardOutput.split(separator: "\n")
        #expect(listing.count == 5, "\(listing)")
        #expect(listing.contains { $0.hasPrefix("caf\\351.log-") && $0.hasSuffix(".gz") && !$0.contains("2020") })
    }
}
