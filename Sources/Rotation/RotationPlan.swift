import SystemPackage

/// Which steps a failure stops.
///
/// Equivalent logrotate code: `logrotate.c rotateLogSet` (`logHasErrors[i]` and `hasErrors`).
public enum StepScope: Equatable, Hashable, Sendable {
    /// `firstaction`/`lastaction`: a failing `firstaction` aborts everything that follows, `lastaction` included.
    case block
    /// Shared `prerotate`/`postrotate`: a failure stops every log's remaining steps (`lastaction` still runs).
    case allLogs
    /// A step of one log: a failure stops that log's remaining steps, or every log's with `sharedscripts`.
    case log(FilePath)
}

/// A step and the scope its failure affects.
public struct PlannedStep: Equatable, Sendable {
    public var scope: StepScope
    public var step: RotationStep

    public init(_ scope: StepScope, _ step: RotationStep) {
        self.scope = scope
        self.step = step
    }
}

/// A log that cannot be rotated, found while planning (e.g. a dateext destination that already exists).
public struct PlanProblem: Equatable, Sendable {
    public var log: FilePath
    /// logrotate's wording, without the `error: ` prefix.
    public var message: String

    public init(log: FilePath, message: String) {
        self.log = log
        self.message = message
    }
}

/// Everything one block's rotation will do, in order: the value `Planner` computes, `PlanRenderer` prints and
/// `PlanExecutor` performs.
public struct RotationPlan: Equatable, Sendable {
    /// The block's raw pattern text (`$1` of shared scripts, quoted in error messages).
    public var patternText: String
    /// `sharedscripts`: any failure stops every log's remaining steps.
    public var sharedScripts: Bool
    /// The logs the plan rotates, in order (those with problems included).
    public var logs: [FilePath]
    public var steps: [PlannedStep]
    /// Logs that will not be rotated, and why.
    public var problems: [PlanProblem]
    /// `warning: …` lines found while planning (e.g. an old version's name left alone); they stop nothing.
    public var warnings: [String]
    /// `-YYYYMMDDHH.backup`: appended to an existing compression target before it is replaced.
    public var backupSuffix: String

    public init(
        patternText: String,
        sharedScripts: Bool,
        logs: [FilePath],
        steps: [PlannedStep],
        problems: [PlanProblem] = [],
        warnings: [String] = [],
        backupSuffix: String
    ) {
        self.patternText = patternText
        self.sharedScripts = sharedScripts
        self.logs = logs
        self.steps = steps
        self.problems = problems
        self.warnings = warnings
        self.backupSuffix = backupSuffix
    }

    /// The steps of one scope, in order.
    public func steps(of scope: StepScope) -> [RotationStep] {
        steps.filter { $0.scope == scope }.map(\.step)
    }
}
