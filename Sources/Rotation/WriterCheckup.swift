import LogrotateConfig
import Platform

/// What `logrotated doctor` found for one log: who writes it, what the configured rotation will do to them, and
/// what to change.
package struct WriterCheckup: Equatable, Sendable {
    /// One conclusion about a log.
    package struct Verdict: Equatable, Sendable {
        /// A stable identifier: `no-writers`, `stale-after-rename`, `reopen-unverified`, `signal-handled`,
        /// `signal-would-terminate`, `signal-no-process`, `kill-script-handled`, `kill-script-would-terminate`,
        /// `copytruncate-lossless`, `copytruncate-window`, `copytruncate-holes`, `copy-unchanged`.
        package var code: String
        /// Whether the operator must act (`doctor` then exits 1).
        package var isProblem: Bool
        package var message: String
        /// The concrete change to make (empty when nothing is needed).
        package var suggestion: String

        package init(_ code: String, problem: Bool, _ message: String, suggestion: String = "") {
            self.code = code
            self.isProblem = problem
            self.message = message
            self.suggestion = suggestion
        }
    }

    package var log: String
    /// `rename`, `rename + create`, `copytruncate`, `copy` or `renamecopy`.
    package var method: String
    /// The processes that have the log open for writing.
    package var writers: [FileWriter]
    package var verdicts: [Verdict]

    package init(log: String, method: String, writers: [FileWriter], verdicts: [Verdict]) {
        self.log = log
        self.method = method
        self.writers = writers
        self.verdicts = verdicts
    }

    /// Whether any verdict is a problem.
    package var hasProblem: Bool { verdicts.contains(where: \.isProblem) }
}

extension LogSettings {
    /// How the log is rotated, as `doctor` names it.
    package var rotationMethod: String {
        if renameCopy { return "renamecopy" }
        if copyTruncate { return "copytruncate" }
        if copy { return "copy" }
        return create == nil ? "rename" : "rename + create"
    }

    /// Whether the log is renamed away from its writers (`rename`, `rename + create`, `renamecopy`).
    package var renamesLog: Bool { renameCopy || !(copy || copyTruncate) }
}
