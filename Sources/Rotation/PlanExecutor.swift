import LogrotateConfig
import Platform
import Synchronization
import SystemPackage

/// Performs a `RotationPlan` through the platform protocols: a loop around one `switch`.
///
/// The first failing step stops the remaining steps of its log (of every log with `sharedscripts`; of everything,
/// `lastaction` included, for `firstaction`), as logrotate's `hasErrors`/`logHasErrors` checks do; a removal that
/// `preremove` refuses only keeps its file. There is no dry run here: `-d` renders the plan and never reaches the
/// executor.
///
/// Equivalent logrotate code: `logrotate.c rotateLogSet` and the functions it calls.
package struct PlanExecutor: Sendable {
    package var fileSystem: any FileSystem
    package var processRunner: any ProcessRunner
    package var compressor: any Compressor
    /// The processes that write logs: `copytruncate` under writers and `signal`.
    package var processes: any ProcessInspector
    /// Seconds a script or command may run before it is stopped (`nil`: forever, as logrotate).
    package var commandTimeout: Double?
    /// The `su` identity file operations run with (see `acting(as:)`); `nil`: our own.
    package private(set) var identity: FileSystemIdentity?
    /// Where each log's rotation is recorded before its first step and after its last (`nil`: not recorded).
    package var journal: RotationJournal?

    package init(
        fileSystem: any FileSystem,
        processRunner: any ProcessRunner,
        compressor: any Compressor,
        processes: any ProcessInspector = LiveProcessInspector(),
        commandTimeout: Double? = nil
    ) {
        self.fileSystem = fileSystem
        self.processRunner = processRunner
        self.compressor = compressor
        self.processes = processes
        self.commandTimeout = commandTimeout
    }

    /// This executor with every file operation done with `identity`'s rights: the file system, the built-in
    /// compressor and `copytruncate` act as that user, and the compressor, uncompressor and shred children run as it
    /// permanently. Scripts and mail still run as root, as logrotate runs them.
    ///
    /// Equivalent logrotate code: `logrotate.c rotateLogSet` (`switch_user`), `switch_user_permanently`.
    package func acting(as identity: FileSystemIdentity) -> PlanExecutor {
        var executor = self
        executor.fileSystem = ActingFileSystem(fileSystem, as: identity)
        executor.compressor = ActingCompressor(compressor, as: identity)
        executor.identity = identity
        return executor
    }

    /// Runs `body` with the `su` identity when there is one.
    func asBlockUser<Result>(_ body: () throws(PlatformError) -> Result) throws(PlatformError) -> Result {
        guard let identity else { return try body() }
        return try identity.assume(body)
    }

    /// Runs the plan's steps in order and tells how each log ended; `onEvent` sees each step before it runs and
    /// every message.
    ///
    /// Each log's rotation is journaled before its first change and ended in the journal once it succeeded; a log
    /// that failed stays unfinished there, for the next run to finish. When a log fails before it was rotated, the
    /// old versions already shifted for it are moved back, so a failing rotation costs no archive.
    package func execute(_ plan: RotationPlan, onEvent: (ExecutionEvent) -> Void = { _ in }) -> ExecutionReport {
        withoutActuallyEscaping(onEvent) { onEvent in
            var progress = Progress(plan: plan)
            let compressed = CompressedSources(plan.expectedIdentities)
            let lane = BackgroundLane()
            let report = { (work: BackgroundLane.Work) in
                work.events.forEach(onEvent)
                if let failure = work.failure {
                    onEvent(.error(failure.message))
                    progress.record(failure, scope: .log(work.log))
                }
            }
            for problem in plan.problems {
                onEvent(.error(problem.message))
            }
            var journaling = Journaling(journal: journal)
            for (index, planned) in plan.steps.enumerated() {
                let timing = plan.schedule[index]
                lane.finish(timing.awaits, report: report)
                guard progress.shouldRun(planned.scope) else { continue }
                let context = StepContext(plan: plan, scope: planned.scope, compressed: compressed, onEvent: onEvent)
                do throws(StepFailure) {
                    try journaling.prepare(for: planned, in: plan)
                } catch {
                    onEvent(.error(error.message))
                    progress.record(error, scope: planned.scope)
                    continue
                }
                onEvent(.willRun(index: index, planned))
                if timing.inBackground {
                    startInBackground(planned, at: index, on: lane, context: context, progress: &progress)
                } else {
                    run(planned, context: context, progress: &progress)
                }
                if progress.hasStoppedLogs { undoShifts(&progress, onEvent: onEvent) }
            }
            lane.finishAll(report: report)
            if progress.hasStoppedLogs { undoShifts(&progress, onEvent: onEvent) }
            let outcome = progress.report
            journaling.end(outcome, changed: progress.changed, onEvent: onEvent)
            return outcome
        }
    }

    private func run(_ planned: PlannedStep, context: StepContext, progress: inout Progress) {
        do throws(StepFailure) {
            if try perform(planned.step, context: context) { progress.succeeded(planned) }
        } catch {
            context.onEvent(.error(error.message))
            progress.record(error, scope: planned.scope)
        }
    }

    /// One `switch` over the step kinds; `false` when the step found nothing to do (an old version that does not
    /// exist is not shifted).
    private func perform(_ step: RotationStep, context: StepContext) throws(StepFailure) -> Bool {
        switch step {
        case .notice: return true
        case .runScript(let kind, let script, let arguments):
            try runScript(kind, script, arguments, context: context)
        case .createDirectory(let path, let attributes): try createDirectory(path, attributes, step: step)
        case .rename(let source, let target, let purpose):
            return try rename(source, target, purpose, context: context)
        case .create(let path, let attributes): try create(path, attributes, context: context)
        case .copy(let source, let target, let attributes):
            try copy(source, target, attributes, step: step, context: context)
        case .copyTruncate(let source, let target, let attributes):
            try copyTruncate(source, target, attributes, context: context)
        case .truncate(let path): try truncate(path, step: step)
        case .signal(let delivery): try deliver(delivery, context: context)
        case .compress(let source, let target, let method, let attributes):
            try compress(source, target, method, attributes, context: context)
        case .mail(let message): try mail(message, step: step)
        case .remove(let path, let purpose, let preremove, let erasure):
            try remove(path, purpose, preremove, erasure, context: context)
        }
        return true
    }
}

/// What a step needs to know about where it runs.
struct StepContext {
    let plan: RotationPlan
    let scope: StepScope
    /// The files compressed so far, by the identity they had: only that file is removed as a compressed source.
    let compressed: CompressedSources
    let onEvent: (ExecutionEvent) -> Void
}

/// The identity each compressed source had when it was compressed, so that its removal unlinks that file and not
/// one another process renamed to its name meanwhile.
final class CompressedSources: Sendable {
    private let identities: Mutex<[FilePath: FileIdentity]>

    init(_ known: [FilePath: FileIdentity]) {
        identities = Mutex(known)
    }

    /// Notes the file now at `path` as the one being compressed.
    func note(_ path: FilePath, _ identity: FileIdentity?) {
        identities.withLock { $0[path] = identity }
    }

    /// The identity `path` had when it was compressed; `nil` when it was not (or could not be looked at).
    func identity(of path: FilePath) -> FileIdentity? {
        identities.withLock { $0[path] }
    }
}

/// Which scopes have failed so far, and the report being built.
///
/// Its sets and dictionaries are keyed by `PathKey`, hashed as one run of bytes: they are looked up for every step,
/// eight times per log for `rotate 7`.
struct Progress {
    let plan: RotationPlan
    var aborted: StepFailure?
    var allLogsStopped: StepFailure?
    var failures: [PathKey: StepFailure] = [:]
    var blockFailures: [StepFailure] = []
    /// Per log, the shifts of old versions done so far (in order), until the log itself is rotated.
    var shifted: [PathKey: [(from: FilePath, to: FilePath)]] = [:]
    /// Logs whose rotation step (rename, copy, copytruncate, truncate) ran: from then on nothing is moved back.
    var rotated: Set<PathKey> = []
    /// Logs for which a step changed a file (a shift moved back again does not count).
    var changed: Set<PathKey> = []
    /// Logs for which a step other than a shift changed a file.
    var unshiftedChanges: Set<PathKey> = []

    init(plan: RotationPlan) {
        self.plan = plan
        for problem in plan.problems {
            let failure = StepFailure(step: nil, message: problem.message)
            failures[PathKey(problem.log)] = failure
            if plan.sharedScripts { allLogsStopped = failure }
        }
    }

    func shouldRun(_ scope: StepScope) -> Bool {
        guard aborted == nil else { return false }
        switch scope {
        case .block: return true
        case .allLogs: return allLogsStopped == nil
        case .log(let log): return allLogsStopped == nil && failures[PathKey(log)] == nil
        }
    }

    /// Notes a step that succeeded: a shift that moved a file, or the log's rotation.
    mutating func succeeded(_ planned: PlannedStep) {
        guard case .log(let path) = planned.scope else { return }
        let log = PathKey(path)
        switch planned.step {
        case .notice, .runScript, .signal, .mail: break
        case .rename(_, _, .shift): changed.insert(log)
        default:
            changed.insert(log)
            unshiftedChanges.insert(log)
        }
        switch planned.step {
        case .rename(let source, let target, .shift):
            if !rotated.contains(log) { shifted[log, default: []].append((source, target)) }
        case .rename(_, _, .rotate), .copy, .copyTruncate, .truncate:
            rotated.insert(log)
            shifted[log] = nil
        default: break
        }
    }

    /// Whether a log that shifted old versions can no longer be rotated in this run.
    var hasStoppedLogs: Bool {
        shifted.keys.contains { !shouldRun(.log($0.path)) }
    }

    mutating func record(_ failure: StepFailure, scope: StepScope) {

        guard failure.stopsLog else {
            blockFailures.append(failure)
            return
        }
        switch scope {
        case .block:
            if case .runScript(.firstaction, _, _)? = failure.step {
                aborted = failure
            } else {
                blockFailures.append(failure)
            }
        case .allLogs:
            allLogsStopped = failure
        case .log(let log):
            failures[PathKey(log)] = failure
            if plan.sharedScripts { allLogsStopped = failure }
        }
    }

    var report: ExecutionReport {
        let outcomes = plan.logs.map { log in
            guard let failure = failures[PathKey(log)] ?? allLogsStopped ?? aborted else {
                return LogOutcome(log: log, result: .succeeded)
            }
            return LogOutcome(log: log, result: .failed(failure))
        }
        return ExecutionReport(logs: outcomes, blockFailures: blockFailures)
    }
}
