import LogrotateConfig
import Platform
import Scheduling
import SystemPackage

/// The work of one block within a pass: decide each log, plan the due ones, then print or execute the plan.
///
/// `logrotated rotate` runs the steps in one go for each block; the daemon runs them separately, so that it can
/// hold the state lock while deciding and recording but not while executing.
///
/// Equivalent logrotate code: `logrotate.c rotateLogSet`.
package struct BlockPass {
    let run: RotationRun
    let block: LogBlock
    let options: RunOptions
    let reporter: RunReporter
    /// Where rotations are recorded before they begin, and unfinished ones found (`nil`: not recorded).
    package var journal: RotationJournal?
    /// Whether the pass looks for processes still writing what it renamed (one scan of `/proc` at its end); `false`:
    /// the renamed files are handed back (`BlockRotation.renamed`) for the caller to check together with other
    /// passes' (the daemon scans once for the jobs that end together, not once per job of a wave).
    package var checksStaleWriters = true
    /// Directory listings shared with other passes (the daemon's jobs of one wave), so that a directory is listed once
    /// for all of them; `nil`: this pass lists or probes on its own.
    package var sharedListings: SharedListings?
    /// Called on the executing thread before each step of `execute` runs (`logrotated pipe` switches its file there).
    package var willRunStep: ((_ index: Int, _ step: PlannedStep) -> Void)?
    /// Whether a log of this block had an error before rotation (with sharedscripts it stops the whole block).
    private var hasErrors = false
    /// The directory of the previous log and its status, reused while logs share it (a glob's logs nearly always do).
    private var lastParent: (path: String, status: Result<FileStatus, Errno>)?

    /// A pass over `block` with the run's effects, options (`now`, dry run, timeout) and messages.
    package init(run: RotationRun, block: LogBlock, options: RunOptions, reporter: RunReporter) {
        self.run = run
        self.block = block
        self.options = options
        self.reporter = reporter
    }

    private var renderer: PlanRenderer {
        guard options.dryRun else { return PlanRenderer(mode: .verbose, force: options.force) }
        let resolver = SignalResolver(processes: run.processes, processRunner: run.processRunner)
        return PlanRenderer(mode: .debug, force: options.force) { delivery in
            resolver.recipient(of: delivery.signal, delivery.target)
        }
    }

    /// Rotates what is due among `logs` (printing the plan instead in a dry run), recording each rotated log in
    /// `state`: the one block rotation of `rotate`, `rotate -d` and the daemon's jobs, which differ only in where
    /// `state` comes from and goes. `blockLogs` (by default `logs`) are the block's logs its `olddir` checks cover.
    /// Returns what was decided and how it ended; `nil` when the block was dropped.
    @discardableResult
    package mutating func rotate(
        _ logs: [FilePath],
        blockLogs: [FilePath]? = nil,
        state: inout StateFile
    ) -> BlockRotation? {
        guard let decided = decide(logs, blockLogs: blockLogs, state: &state) else { return nil }
        var rotation = BlockRotation(decided: decided)
        if options.dryRun {
            show(plan(decided.due))
        } else {
            executeInBatches(decided.due, state: &state, into: &rotation)
        }
        return rotation
    }

    /// Decides each of `logs` as `rotate` does, adding a state entry for a log seen first; `nil` when the block is
    /// dropped because an `olddir` check fails for one of `blockLogs` (by default `logs`).
    ///
    /// The paths keep their bytes; the state file is keyed by their text (`FilePath.string`, invalid bytes
    /// repaired), which is what the state file holds for them after a rotation.
    package mutating func decide(
        _ logs: [FilePath],
        blockLogs: [FilePath]? = nil,
        state: inout StateFile
    ) -> DecidedLogs? {
        reporter.debug("")
        for line in renderer.header(for: block) { reporter.debug(line) }
        if logs.isEmpty { reporter.debug("No logs found. Rotation not needed.") }
        let checker = OldDirectoryCheck(
            settings: block.settings,
            fileSystem: run.fileSystem,
            requiresTrustedPath: run.realUserID == 0 && block.settings.su == nil
        )
        if let problem = checker.problem(for: blockLogs ?? logs) {
            reporter.error("\(block.location.file):\(block.location.line) \(problem); skipping this block")
            return nil
        }
        var decided = DecidedLogs()
        for path in logs {
            if let reason = PipedLogCheck.skipReason(for: path) {
                reporter.debug(reason)
                decided.used.insert(path.string)
                continue
            }
            guard finishInterrupted(path, state: &state), let status = consider(path, state: &state) else { continue }
            decided.used.insert(path.string)
            if let status = status.due { decided.due.append(DueLog(path: path, status: status)) }
        }
        return decided
    }

    /// The plan for the due logs (after `decide`, whose errors stop a `sharedscripts` block).
    package func plan(_ due: [DueLog]) -> RotationPlan {
        Planner.plan(
            block: block,
            logs: due,
            fileSystem: run.fileSystem,
            now: RotationTime(epochSeconds: options.now),
            options: planningOptions
        )
    }

    private var planningOptions: PlanningOptions {
        PlanningOptions(mailCommand: options.mailCommand, blockHasErrors: hasErrors)
    }

    /// Logs planned and executed at a time without `sharedscripts`: memory stays bounded for a glob that matches
    /// tens of thousands of logs, while each batch still sees what the previous ones did through one shared view.
    /// 64 rather than 256: 1.2 MiB less peak memory rotating 1,000 logs with seven generations, at the same speed.
    static let batchSize = 64
    /// The batch size of a block with `signal`, which is sent once per batch: one signal covers up to 256 logs.
    static let signalledBatchSize = 256

    /// Logs per batch: all of them with `sharedscripts` (its scripts span every log).
    private func batchSize(forLogCount count: Int) -> Int {
        if block.settings.sharedScripts { return max(count, 1) }
        return block.settings.signal == nil ? Self.batchSize : Self.signalledBatchSize
    }

    /// Plans and executes the due logs: in one plan with `sharedscripts` (its scripts span every log), else batch by
    /// batch, `firstaction` with the first batch and `lastaction` with the last; a failed `firstaction` stops all.
    /// Adds each log's outcome, and the renamed files that processes still write (reported already), to `rotation`.
    private func executeInBatches(_ due: [DueLog], state: inout StateFile, into rotation: inout BlockRotation) {
        var view = FileView(
            run.fileSystem,
            logCount: due.count,
            lookupsPerLog: LogPlanner.expectedLookups(block.settings),
            shared: sharedListings
        )
        var renamed: [RotatedFile] = []
        defer {
            if checksStaleWriters {
                rotation.stillWritten = reportStaleWriters(of: renamed)
            } else {
                rotation.renamed = renamed
            }
        }
        let size = batchSize(forLogCount: due.count)
        let starts = Array(stride(from: 0, to: max(due.count, 1), by: size))
        for (number, start) in starts.enumerated() {
            var planning = planningOptions
            planning.includesFirstAction = number == 0
            planning.includesLastAction = number == starts.count - 1
            let batch = Array(due[start..<min(start + size, due.count)])
            let now = RotationTime(epochSeconds: options.now)
            let plan = Planner.plan(block: block, logs: batch, view: &view, now: now, options: planning)
            let report = execute(plan)
            view.settle()
            renamed += unsignalledRenames(plan, due: batch)
            rotation.outcomes += report.logs
            record(report, in: &state)
            if report.firstActionFailed { return }
        }
    }

    /// Reports the plan in logrotate's `-d` wording, changing nothing.
    package func show(_ plan: RotationPlan) {
        for warning in plan.warnings { reporter.warning(warning) }
        for problem in plan.problems { reporter.error(problem.message) }
        for line in renderer.lines(for: plan) { reporter.debug(line) }
    }

    /// What considering one log found: whether it exists and, when due, its status.
    private struct Considered {
        var due: FileStatus?
    }

    /// Prints `considering log X` and the decision; `nil` when the log could not be `lstat`ed.
    private mutating func consider(_ log: FilePath, state: inout StateFile) -> Considered? {
        let path = log.string
        reporter.debug("considering log \(path)")
        let refusal = parentDirectoryRefusal(path)
        if let refusal { show(refusal) }
        // logrotate records every path it considers, even a missing or refused one (the entry ages out after a year).
        let (lastRotated, created) = state.lastRotated(for: path, creatingAt: LocalTime(epochSeconds: options.now))
        if created { reporter.debug("Creating new state") }
        guard refusal == nil else { return nil }
        let status = lstat(log)
        let decision = Dueness.decide(
            path: path,
            pattern: block.patternText,
            settings: block.settings,
            status: status,
            lastRotated: lastRotated,
            now: options.now,
            force: options.force
        )
        show(decision)
        guard case .success(let file) = status else { return nil }
        return Considered(due: decision.isDue ? file : nil)
    }

    private mutating func show(_ decision: Decision) {
        if decision.isError { hasErrors = true }
        for message in decision.messages {
            switch message.level {
            case .debug: reporter.debug(message.text)
            case .error: reporter.report(.error, message.text, countsAsFailure: decision.isError)
            }
        }
    }

    private mutating func parentDirectoryRefusal(_ path: String) -> Decision? {
        let parent = Dueness.parentDirectory(of: path)
        return Dueness.checkParentDirectory(
            of: path,
            status: parentStatus(parent),
            settings: block.settings,
            realUserID: run.realUserID
        )
    }

    private mutating func parentStatus(_ parent: String) -> Result<FileStatus, Errno> {
        if let lastParent, lastParent.path == parent { return lastParent.status }
        let status = lstat(FilePath(parent), follow: true)
        lastParent = (parent, status)
        return status
    }

    private func lstat(_ path: FilePath, follow: Bool = false) -> Result<FileStatus, Errno> {
        do {
            guard let status = try run.fileSystem.status(of: path, followSymlinks: follow) else {
                return .failure(.noSuchFileOrDirectory)
            }
            return .success(status)
        } catch {
            return .failure(error.errno ?? .ioError)
        }
    }

    /// Executes the plan, reporting each step in logrotate's `-v` wording; with `su`, every file operation runs with
    /// that user's rights.
    package func execute(_ plan: RotationPlan) -> ExecutionReport {
        var executor = PlanExecutor(
            fileSystem: run.fileSystem,
            processRunner: run.processRunner,
            compressor: run.compressor,
            processes: run.processes,
            commandTimeout: options.commandTimeout
        )
        if let identity = blockUserIdentity { executor = executor.acting(as: identity) }
        executor.journal = journal
        let (renderer, willRunStep) = (self.renderer, self.willRunStep)
        for warning in plan.warnings { reporter.warning(warning) }
        return executor.execute(plan) { event in
            switch event {
            case .willRun(let index, let step):
                willRunStep?(index, step)
                guard reporter.wantsDebug else { break }
                for line in renderer.lines(forStepAt: index, in: plan) { reporter.debug(line) }
            case .info(let text): reporter.debug(text)
            case .warning(let text): reporter.warning(text)
            case .error(let text): reporter.error(text)
            case .harmlessError(let text): reporter.report(.error, text, countsAsFailure: false)
            }
        }
    }

    /// The `su` user and group, when running as root and they are not root's own.
    ///
    /// Equivalent logrotate code: `logrotate.c switch_user` (which does nothing when the ids are already ours).
    private var blockUserIdentity: FileSystemIdentity? {
        guard let su = block.settings.su, run.effectiveUserID == 0, su.user.id != 0 || su.group.id != 0 else {
            return nil
        }
        return FileSystemIdentity.forUser(su.user.id, group: su.group.id)
    }

    /// The files `plan` renamed, unless its `signal` step already checked their writers.
    private func unsignalledRenames(_ plan: RotationPlan, due: [DueLog]) -> [RotatedFile] {
        let signalled = plan.steps.contains { if case .signal = $0.step { true } else { false } }
        return signalled ? [] : StaleWriters.renamed(in: plan, due: due)
    }

    /// One scan of `/proc` for all of `files`, however many batches renamed them; returns the files still written.
    private func reportStaleWriters(of files: [RotatedFile]) -> [RotatedFile] {
        let stale = StaleWriters.find(files, processes: run.processes, fileSystem: run.fileSystem)
        for found in stale { reporter.warning(StaleWriters.message(found, fileSystem: run.fileSystem)) }
        return StaleWriters.files(of: stale)
    }

    /// Records the logs that were rotated; failed ones keep their previous entry so the next pass retries them.
    package func record(_ report: ExecutionReport, in state: inout StateFile) {
        let now = LocalTime(epochSeconds: options.now)
        for outcome in report.logs where outcome.result == .succeeded {
            state[outcome.log.string] = now
        }
    }
}

/// What rotating a block's logs did.
package struct BlockRotation: Sendable {
    /// What deciding found.
    package var decided: DecidedLogs
    /// How each planned log ended (none in a dry run).
    package var outcomes: [LogOutcome] = []
    /// The renamed files that processes still wrote right after the rotation (reported), for a later look.
    package var stillWritten: [RotatedFile] = []
    /// The renamed files not checked for writers (`checksStaleWriters` off), for the caller to check.
    package var renamed: [RotatedFile] = []
}

/// What deciding a block's logs found.
package struct DecidedLogs: Sendable {
    /// The logs to rotate, with the `lstat` taken when deciding.
    package var due: [DueLog] = []
    /// The logs that could be `lstat`ed (their state entries are in use).
    package var used: Set<String> = []
}
