import Platform
import SystemPackage

/// Which steps a failure stops.
///
/// Equivalent logrotate code: `logrotate.c rotateLogSet` (`logHasErrors[i]` and `hasErrors`).
package enum StepScope: Equatable, Hashable, Sendable {
    /// `firstaction`/`lastaction`: a failing `firstaction` aborts everything that follows, `lastaction` included.
    case block
    /// Shared `prerotate`/`postrotate`: a failure stops every log's remaining steps (`lastaction` still runs).
    case allLogs
    /// A step of one log: a failure stops that log's remaining steps, or every log's with `sharedscripts`.
    case log(FilePath)
}

/// A step and the scope its failure affects.
package struct PlannedStep: Equatable, Sendable {
    package var scope: StepScope
    package var step: RotationStep

    package init(_ scope: StepScope, _ step: RotationStep) {
        self.scope = scope
        self.step = step
    }
}

/// A log that cannot be rotated, found while planning (e.g. a dateext destination that already exists).
package struct PlanProblem: Equatable, Sendable {
    package var log: FilePath
    /// logrotate's wording, without the `error: ` prefix.
    package var message: String

    package init(log: FilePath, message: String) {
        self.log = log
        self.message = message
    }
}

/// Everything one block's rotation will do, in order: the value `Planner` computes, `PlanRenderer` prints and
/// `PlanExecutor` performs.
package struct RotationPlan: Equatable, Sendable {
    /// The block's raw pattern text (`$1` of shared scripts, quoted in error messages).
    package var patternText: String
    /// `sharedscripts`: any failure stops every log's remaining steps (and nothing runs in the background).
    package let sharedScripts: Bool
    /// The logs the plan rotates, in order (those with problems included).
    package var logs: [FilePath]
    package let steps: [PlannedStep]
    /// Which steps run in the background and what each step waits for: how the executor may overlap them.
    package let schedule: StepSchedule
    /// Logs that will not be rotated, and why.
    package var problems: [PlanProblem]
    /// `warning: …` lines found while planning (e.g. an old version's name left alone); they stop nothing.
    package var warnings: [String]
    /// `-YYYYMMDDHH.backup`: appended to an existing compression target before it is replaced.
    package var backupSuffix: String
    /// What each log's rotation is about to do, journaled before its first step (logs with problems have none).
    package var intents: [FilePath: LogIntent] = [:]
    /// Files a recovery plan removes only if they are still these (see `InterruptedRotation`).
    package var expectedIdentities: [FilePath: FileIdentity] = [:]

    package init(
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
        schedule = StepSchedule(steps: steps, sharedScripts: sharedScripts)
        self.problems = problems
        self.warnings = warnings
        self.backupSuffix = backupSuffix
    }

    /// The steps of one scope, in order.
    package func steps(of scope: StepScope) -> [RotationStep] {
        steps.filter { $0.scope == scope }.map(\.step)
    }
}
