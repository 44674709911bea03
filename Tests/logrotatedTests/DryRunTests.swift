import Foundation
import Testing

/// `rotate --dry-run` prints the plan and changes nothing: no file, directory, state, script output or mail.
@Suite struct DryRunTests {
    static let cases: [DifferentialCase] = [
        DifferentialCases.all.first { $0.name == "createolddir with mode" }!,
        DifferentialCases.all.first { $0.name == "maillast" }!,
        DifferentialCases.all.first { $0.name == "all scripts, nonshared, two logs" }!,
        DifferentialCases.all.first { $0.name == "delaycompress compresses the previous generation" }!,
        DifferentialCases.all.first { $0.name == "dateext cleanup by date" }!,
        DifferentialCases.all.first { $0.name == "copytruncate" }!,
    ]

    @Test(arguments: cases)
    func dryRun_forced_changesNothing(_ testCase: DifferentialCase) throws {
        let harness = try DifferentialHarness()
        defer { harness.cleanUp() }
        let dir = harness.root.appendingPathComponent("our")
        try harness.prepare(testCase, in: dir)
        let before = try harness.snapshot(dir)
        let state = dir.appendingPathComponent("state").path
        let mailer = dir.appendingPathComponent("mailer").path
        let config = dir.appendingPathComponent("cfg").path
        let result = try CommandRunner.run(
            CommandRunner.logrotated,
            ["rotate", "--dry-run", "-f", "-m", mailer, "-s", state, config]
        )
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try harness.snapshot(dir) == before)
        #expect(!FileManager.default.fileExists(atPath: state), "a dry run must not create the state file")
        #expect(result.standardError.contains("considering log"), "the dry run prints the plan")
    }

    @Test func dryRun_printsTheSameStepsAsTheRealRun() throws {
        let testCase = DifferentialCases.all.first { $0.name == "compress shifts .gz generations" }!
        let harness = try DifferentialHarness()
        defer { harness.cleanUp() }
        let dir = harness.root.appendingPathComponent("our")
        try harness.prepare(testCase, in: dir)
        let arguments = ["-f", "-s", dir.appendingPathComponent("state").path, dir.appendingPathComponent("cfg").path]
        let dry = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-d"] + arguments)
        let real = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-v"] + arguments)
        let steps = { (text: String) in
            text.split(separator: "\n").filter { $0.hasPrefix("renaming") || $0.hasPrefix("compressing") }
        }
        #expect(!steps(dry.standardError).isEmpty)
        #expect(steps(dry.standardError) == steps(real.standardError))
    }

    /// A glob of 100 logs is planned and run in two batches of 64: `-d` prints every step the real run executes, in
    /// order (the real run adds only what it finds on the way, e.g. an old generation that does not exist).
    @Test func dryRun_ofABlockOfSeveralBatches_printsEveryStepTheRunExecutes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lr-batches-\(UUID().uuidString)")
        let logs = dir.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for index in 0..<100 {
            try Data("now \(index)\n".utf8).write(to: logs.appendingPathComponent("l\(index).log"))
            try Data("before \(index)\n".utf8).write(to: logs.appendingPathComponent("l\(index).log.1"))
        }
        let config = dir.appendingPathComponent("cfg")
        try Data("\(logs.path)/*.log {\n rotate 2\n compress\n delaycompress\n}\n".utf8).write(to: config)
        let state = dir.appendingPathComponent("state").path
        let dry = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-d", "-f", "-s", state, config.path])
        let real = try CommandRunner.run(CommandRunner.logrotated, ["rotate", "-v", "-f", "-s", state, config.path])
        #expect(real.status == 0, "\(real.standardError)")
        let steps = { (text: String) in
            text.split(separator: "\n").filter { line in
                !line.hasPrefix("old log ")
                    && ["renaming", "compressing", "removing", "rotating log"].contains {
                        line.hasPrefix($0)
                    }
            }
        }
        #expect(steps(dry.standardError).filter { $0.hasPrefix("rotating log") }.count == 100)
        #expect(steps(dry.standardError) == steps(real.standardError))
    }
}
