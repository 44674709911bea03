import LogrotateConfig
import Platform

/// What `logrotated doctor` found for one log: who writes it, what the configured rotation will do to them, and
/// what to change.
public struct WriterCheckup: Equatable, Sendable {
    /// One conclusion about a log.
    public struct Verdict: Equatable, Sendable {
        /// A stable identifier: `no-writers`, `stale-after-rename`, `reopen-unverified`, `signal-handled`,
        /// `signal-would-terminate`, `signal-no-process`, `kill-script-handled`, `kill-script-would-terminate`,
        /// `copytruncate-lossless`, `copytruncate-window`, `copytruncate-holes`, `copy-unchanged`.
        public var code: String
        /// Whether the operator must act (`doctor` then exits 1).
        public var isProblem: Bool
        public var message: String
        /// The concrete change to make (empty when nothing is needed).
        public var suggestion: String

        public init(_ code: String, problem: Bool, _ message: String, suggestion: String = "") {
            self.code = code
            self.isProblem = problem
            self.message = message
            self.suggestion = suggestion
        }
    }

    public var log: String
    /// `rename`, `rename + create`, `copytruncate`, `copy` or `renamecopy`.
    public var method: String
    /// The processes that have the log open for writing.
    public var writers: [FileWriter]
    public var verdicts: [Verdict]

    public init(log: String, method: String, writers: [FileWriter], verdicts: [Verdict]) {
        self.log = log
        self.method = method
        self.writers = writers
        self.verdicts = verdicts
    }

    /// Whether any verdict is a problem.
    public var hasProblem: Bool { verdicts.contains(where: \.isProblem) }
}

extension LogSettings {
    /// How the log is rotated, as `doctor` names it.
    public var rotationMethod: String {
        if renameCopy { return "renamecopy" }
        if copyTruncate { return "copytruncate" }
        if copy { return "copy" }
        return create == nil ? "rename" : "rename + create"
    }

    /// Whether the log is renamed away from its writers (`rename`, `rename + create`, `renamecopy`).
    public var renamesLog: Bool { renameCopy || !(copy || copyTruncate) }
}
