import Foundation
import Testing

/// `logrotated rotate` accepts logrotate's command line and exits with its codes.
@Suite struct RotateCommandLineTests {
    private func rotate(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(CommandRunner.logrotated, ["rotate"] + arguments)
    }

    @Test func rotate_withUnknownOption_exits2() throws {
        let result = try rotate(["--bogus", "/nonexistent.conf"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--bogus"))
    }

    @Test func rotate_withoutConfig_printsUsageAndExits1() throws {
        let result = try rotate([])
        #expect(result.status == 1)
        #expect(result.standardError.contains("USAGE"))
    }

    @Test func rotate_withBothLockOptions_exits1() throws {
        let result = try rotate(["--skip-state-lock", "--wait-for-state-lock", "/nonexistent.conf"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("mutually exclusive"))
    }

    @Test func rotate_version_printsToStandardOutput() throws {
        let result = try rotate(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("logrotated "))
    }

    @Test func rotate_help_teachesTheDropInUse() throws {
        let result = try rotate(["--help"])
        #expect(result.status == 0)
        for option in ["--debug", "--dry-run", "--force", "--verbose", "--state", "--mail", "--log"] {
            #expect(result.standardOutput.contains(option), "help lacks \(option)")
        }
        #expect(result.standardOutput.contains("Exit status"))
    }
}
