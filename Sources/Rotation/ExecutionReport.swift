import LogrotateConfig
import SystemPackage

/// A step that failed, with logrotate's message (without the `error: ` prefix).
package struct StepFailure: Error, Equatable, Sendable {
    /// The failing step; `nil` for a problem found while planning.
    package var step: RotationStep?
    package var message: String
    /// Whether the rest of the log's steps are skipped (`false`: only this step's file is left as it was, as when
    /// `preremove` refuses a removal; the run still exits 1).
    package var stopsLog: Bool

    package init(step: RotationStep?, message: String, stopsLog: Bool = true) {
        self.step = step
        self.message = message
        self.stopsLog = stopsLog
    }
}

/// How one log's rotation ended.
package struct LogOutcome: Equatable, Sendable {
    /// Succeeded, or failed at a step (its own, a shared script's, or `firstaction`'s).
    package enum Result: Equatable, Sendable {
        case succeeded
        case failed(StepFailure)
    }

    package var log: FilePath
    package var result: Result

    package init(log: FilePath, result: Result) {
        self.log = log
        self.result = result
    }
}

/// What executing a plan did: one outcome per log, plus failures that belong to no log (`lastaction`).
///
/// A log whose outcome is `.failed` should not be recorded as rotated in the state file (logrotate 3.21 records
/// it anyway, #422); any failure makes logrotate's exit status 1.
package struct ExecutionReport: Equatable, Sendable {
    package var logs: [LogOutcome]
    /// Failures that did not fail any log: a failing `lastaction`, a file `preremove` did not let go.
    package var blockFailures: [StepFailure]

    package init(logs: [LogOutcome], blockFailures: [StepFailure] = []) {
        self.logs = logs
        self.blockFailures = blockFailures
    }

    /// True when every log was rotated and every script succeeded.
    package var succeeded: Bool {
        blockFailures.isEmpty && logs.allSatisfy { $0.result == .succeeded }
    }

    /// True when `firstaction` failed, which aborts the whole block (no rotation, no `lastaction`).
    package var firstActionFailed: Bool {
        logs.contains { outcome in
            guard case .failed(let failure) = outcome.result, case .runScript(.firstaction, _, _)? = failure.step
            else { return false }
            return true
        }
    }

    /// The outcome of one log.
    package func result(for log: FilePath) -> LogOutcome.Result? {
        logs.first { $0.log == log }?.result
    }
}

/// What the executor reports while it works, for `-v` output.
package enum ExecutionEvent: Equatable, Sendable {
    /// The step at `index` of the plan is about to run (render it with `PlanRenderer.lines(forStepAt:in:)`).
    case willRun(index: Int, PlannedStep)
    /// A message at logrotate's debug level (e.g. `old log X does not exist`).
    case info(String)
    /// A warning (`warning: …`): something the operator should fix, which does not change the exit status.
    case warning(String)
    /// An error message (printed by logrotate as `error: …`).
    case error(String)
    /// An error message that logrotate prints without failing the run (the exit status stays 0), such as a
    /// compressor's standard error when it exits 0, or an old log already gone when it is removed.
    case harmlessError(String)
}
