import Foundation
import Testing

/// `maxtotalsize` end to end: `logrotated rotate` on a temporary directory, its `-d` output, and `status`.
@Suite struct BudgetTests {
    /// A temporary directory with `app.log` and its archives (`name: byte count`), and a configuration for it.
    private struct Fixture {
        let root: URL
        var log: String { root.appendingPathComponent("app.log").path }
        var config: String { root.appendingPathComponent("cfg").path }
        var state: String { root.appendingPathComponent("state").path }
        var removed: String { root.appendingPathComponent("removed").path }

        init(files: [String: Int], directives: String) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("lr-budget-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (name, size) in files {
                try Data(repeating: UInt8(ascii: "x"), count: size).write(to: root.appendingPathComponent(name))
            }
            let text = "\(root.path)/app.log {\n\(directives)\n preremove\n  echo \"$1\" >> \(removed)\n endscript\n}\n"
            try Data(text.utf8).write(to: root.appendingPathComponent("cfg"))
        }

        /// The log and its archives in the directory.
        func names() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("app.log") }.sorted()
        }

        func removedByPreremove() -> [String] {
            ((try? String(contentsOfFile: removed, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        func run(_ flags: [String]) throws -> CommandResult {
            try CommandRunner.run(CommandRunner.logrotated, ["rotate"] + flags + ["-f", "-s", state, config])
        }

        func cleanUp() {
            try? FileManager.default.removeItem(at: root)
        }
    }

    private static let numbered = ["app.log": 100, "app.log.1": 100, "app.log.2": 100, "app.log.3": 100]

    @Test func rotate_overBudget_removesOldestArchivesWithPreremove() throws {
        let fixture = try Fixture(files: Self.numbered, directives: " rotate 10\n maxtotalsize 250")
        defer { fixture.cleanUp() }
        let result = try fixture.run(["-v"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try fixture.names() == ["app.log.1", "app.log.2"])
        #expect(fixture.removedByPreremove() == [fixture.log + ".4", fixture.log + ".3"])
        #expect(
            result.standardError.contains(
                "removing \(fixture.log).4: archives of \(fixture.log) exceed maxtotalsize 250\n"
            )
        )
    }

    @Test func dryRun_printsExactlyTheBudgetRemovalsAndChangesNothing() throws {
        let fixture = try Fixture(files: Self.numbered, directives: " rotate 10\n maxtotalsize 250")
        defer { fixture.cleanUp() }
        let before = try fixture.names()
        let dry = try fixture.run(["-d"])
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(try fixture.names() == before)
        #expect(fixture.removedByPreremove().isEmpty)
        let removals = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("removing ") } }
        #expect(
            removals(dry.standardError) == [
                "removing \(fixture.log).4: archives of \(fixture.log) exceed maxtotalsize 250",
                "removing \(fixture.log).3: archives of \(fixture.log) exceed maxtotalsize 250",
            ]
        )
        let real = try fixture.run(["-v"])
        #expect(removals(real.standardError) == removals(dry.standardError))
    }

    /// The archive compressed in this run counts at its uncompressed size when the plan is made: the run leaves
    /// at most the budget, and never removes the new archive.
    @Test func rotate_compressed_keepsTheNewArchiveAndStaysWithinBudget() throws {
        let files = ["app.log": 10_000, "app.log.1.gz": 3_000, "app.log.2.gz": 3_000]
        let fixture = try Fixture(files: files, directives: " rotate 10\n compress\n maxtotalsize 12k")
        defer { fixture.cleanUp() }
        let result = try fixture.run([])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try fixture.names() == ["app.log.1.gz"])
        let archives = fixture.removedByPreremove().filter { $0.hasSuffix(".gz") }
        #expect(archives == [fixture.log + ".3.gz", fixture.log + ".2.gz"])
    }

    /// logrotate 3.21 does not know the directive: it says so, ignores the line and applies no budget.
    @Test(.enabled(if: CommandRunner.logrotate != nil))
    func logrotate_ignoresMaxTotalSizeAsUnknown() throws {
        let fixture = try Fixture(files: Self.numbered, directives: " rotate 10\n maxtotalsize 250")
        defer { fixture.cleanUp() }
        let logrotate = try #require(CommandRunner.logrotate)
        let result = try CommandRunner.run(logrotate, ["-f", "-s", fixture.state, fixture.config])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("\(fixture.config):3 unknown option 'maxtotalsize' -- ignoring line"))
        #expect(try fixture.names() == ["app.log.1", "app.log.2", "app.log.3", "app.log.4"])
    }

    @Test func check_acceptsAndPrintsTheBudget() throws {
        let fixture = try Fixture(files: [:], directives: " maxtotalsize 10M")
        defer { fixture.cleanUp() }
        let result = try CommandRunner.run(CommandRunner.logrotated, ["check", "--print", fixture.config])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("    maxtotalsize 10485760\n"))
    }

    @Test func status_showsTheArchivesTotalAgainstTheBudget() throws {
        let files = ["app.log": 10, "app.log.1": 300, "app.log.2": 2_000]
        let fixture = try Fixture(files: files, directives: " rotate 10\n maxtotalsize 2k")
        defer { fixture.cleanUp() }
        let table = try CommandRunner.run(
            CommandRunner.logrotated,
            ["status", "--config", fixture.config, "--state", fixture.state]
        )
        #expect(table.status == 0, "\(table.standardError)")
        let row = table.standardOutput.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(row.hasPrefix(fixture.log + "  10    2.2k of 2k, over  never  "), "\(table.standardOutput)")
        let json = try CommandRunner.run(
            CommandRunner.logrotated,
            ["status", "--json", "--config", fixture.config, "--state", fixture.state]
        )
        #expect(json.standardOutput.contains("\"archivesSize\":2300,\"archiveCount\":2,\"maxTotalSize\":2048,"))
    }
}
