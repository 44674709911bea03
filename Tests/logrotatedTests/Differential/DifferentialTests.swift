import Foundation
import Testing

/// logrotate 3.21 and `logrotated rotate` on two copies of the same tree must leave the same files, contents
/// (decompressed), modes, state entries, script and mail outputs, and exit status.
@Suite struct DifferentialTests {
    @Test(
        .enabled(if: CommandRunner.logrotate != nil, "logrotate is not installed (make test installs it)"),
        arguments: DifferentialCases.all
    )
    func rotate_matchesLogrotate(_ testCase: DifferentialCase) throws {
        let harness = try DifferentialHarness()
        defer { harness.cleanUp() }
        var (reference, ours, referenceErrors, ourErrors) = try harness.run(
            testCase,
            logrotate: CommandRunner.logrotate!
        )
        testCase.difference?.adjust(&reference)
        #expect(
            ours == reference,
            """
            \(testCase.name)\(testCase.difference.map { " (deliberate difference: \($0.why))" } ?? "")
            --- logrotate 3.21:
            \(reference)
            \(referenceErrors)
            --- logrotated:
            \(ours)
            \(ourErrors)
            """
        )
    }
}
