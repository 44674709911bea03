import LogrotateConfig
import Platform
import SystemPackage

/// A log found due, with the `lstat` taken when due-ness was decided (its mode and owner are copied by `create`
/// and compression, as logrotate copies them from its pre-rotation `lstat`).
package struct DueLog: Equatable, Sendable {
    package var path: FilePath
    package var status: FileStatus

    package init(path: FilePath, status: FileStatus) {
        self.path = path
        self.status = status
    }
}

/// The one `now` of a run, as an instant and as local calendar fields.
package struct RotationTime: Equatable, Sendable {
    package var epochSeconds: Int64
    package var local: LocalTime

    package init(epochSeconds: Int64, local: LocalTime) {
        self.epochSeconds = epochSeconds
        self.local = local
    }

    /// The local time of an instant (`localtime_r`).
    package init(epochSeconds: Int64) {
        self.init(epochSeconds: epochSeconds, local: LocalTime(epochSeconds: epochSeconds))
    }
}

/// What the planner needs beyond the block: the run's options.
package struct PlanningOptions: Equatable, Sendable {
    /// `-m`/`--mail`: the mail program (logrotate's default `/usr/bin/mail`).
    package var mailCommand: String
    /// An error already happened in this block (e.g. a missing log without `missingok`): with `sharedscripts`
    /// nothing is rotated, only `firstaction` and `lastaction` run.
    package var blockHasErrors: Bool
    /// Whether this plan runs the block's `firstaction` and `lastaction`: a block planned in several batches has
    /// its `firstaction` in the first and its `lastaction` in the last.
    package var includesFirstAction = true
    package var includesLastAction = true

    package init(mailCommand: String = "/usr/bin/mail", blockHasErrors: Bool = false) {
        self.mailCommand = mailCommand
        self.blockHasErrors = blockHasErrors
    }
}

/// Computes a block's `RotationPlan`; pure apart from reading the file system view it is given.
///
/// Order, as logrotate: `firstaction`; per log (nosharedscripts) or per phase over all logs (sharedscripts):
/// `prerotate`, delaycompress of the previous generation, disposal of expired generations, shifting `.i → .i+1`
/// (oldest first), rename/copy/copytruncate/renamecopy, create, `postrotate`, compress, mail, remove; `lastaction`.
/// logrotated's `signal` comes once per plan after every `postrotate`, before any compression.
///
/// Deliberate differences from logrotate 3.21 (each one is logrotate 3.22's behaviour or removes a silent loss):
/// - `prerotate` runs before old generations are shifted, so a failing `prerotate` leaves them untouched (3.22).
/// - With `sharedscripts`, an error anywhere in the block rotates nothing: no generation is shifted (3.22).
/// - A log with a planning problem (dateext destination exists) has none of its steps run, not even the
///   compression or removal of older generations logrotate does before noticing the collision.
/// - `rotate 0` + `copy`/`copytruncate` skips the copy as logrotate does, but then compresses nothing instead of
///   failing; with `mail` it copies, so that the log is mailed.
/// - A stale file at the dispose name that a shift would overwrite is removed first (logrotate's `rename` replaces
///   it silently); all renames then refuse to replace (`RENAME_NOREPLACE`).
/// - A failing `preremove` keeps its file and the rotation goes on.
/// - Compression writes and fsyncs the whole target before the source is removed; copies are fsynced before a
///   truncate.
///
/// Equivalent logrotate code: `logrotate.c rotateLogSet`.
package enum Planner {
    /// Plans the rotation of `logs` (the block's due logs, in order).
    package static func plan(
        block: LogBlock,
        logs: [DueLog],
        fileSystem: any FileSystem,
        now: RotationTime,
        options: PlanningOptions = PlanningOptions()
    ) -> RotationPlan {
        var view = FileView(
            fileSystem,
            logCount: logs.count,
            lookupsPerLog: LogPlanner.expectedLookups(block.settings)
        )
        return plan(block: block, logs: logs, view: &view, now: now, options: options)
    }

    /// Plans against a view shared by several calls (the batches of one block), so each batch sees what the
    /// earlier ones planned.
    static func plan(
        block: LogBlock,
        logs: [DueLog],
        view: inout FileView,
        now: RotationTime,
        options: PlanningOptions
    ) -> RotationPlan {
        let plans = logs.map { log in
            var planner = LogPlanner(block: block, log: log, now: now, options: options)
            return planner.plan(view: &view)
        }
        let problems = plans.compactMap { plan in plan.problem.map { PlanProblem(log: plan.path, message: $0) } }
        var assembly = PlanAssembly(block: block, plans: plans, options: options)
        var plan = RotationPlan(
            patternText: block.patternText,
            sharedScripts: block.settings.sharedScripts,
            logs: logs.map(\.path),
            steps: logs.isEmpty ? [] : assembly.steps(),
            problems: problems,
            warnings: plans.flatMap(\.warnings),
            backupSuffix: DateFormat("-%Y%m%d%H.backup").string(for: now.local, epochSeconds: now.epochSeconds)
        )
        for intent in plans.compactMap(\.intent) { plan.intents[intent.log] = intent }
        return plan
    }
}

/// Puts the per-log phases and the block's scripts in logrotate's order.
private struct PlanAssembly {
    let block: LogBlock
    let plans: [LogPlan]
    let options: PlanningOptions
    var result: [PlannedStep] = []

    var skipRotation: Bool { options.blockHasErrors }

    var settings: LogSettings { block.settings }

    mutating func steps() -> [PlannedStep] {
        if options.includesFirstAction { script(.firstaction, scope: .block, arguments: [block.patternText]) }
        if settings.sharedScripts {
            sharedPhases()
        } else {
            separatePhases()
        }
        if options.includesLastAction { script(.lastaction, scope: .block, arguments: [block.patternText]) }
        return result
    }

    private mutating func sharedPhases() {
        guard !skipRotation else { return }
        guard plans.allSatisfy({ $0.problem == nil }) else {
            for plan in plans { append(plan.path, [plan.header]) }
            return
        }
        script(.prerotate, scope: .allLogs, arguments: [block.patternText])
        for plan in plans { append(plan.path, [plan.header] + plan.preparation) }
        for plan in plans { append(plan.path, plan.rotation) }
        script(.postrotate, scope: .allLogs, arguments: [block.patternText])
        signal()
        for plan in plans { append(plan.path, plan.completion) }
    }

    /// Without sharedscripts, each log's phases in turn; with a `signal`, every log's completion (compression…) waits
    /// until the signal is sent, so the process can be checked against the rotated files before they are compressed.
    private mutating func separatePhases() {
        let deferred = settings.signal != nil
        for plan in plans {
            append(plan.path, [plan.header])
            guard plan.problem == nil else { continue }
            script(.prerotate, scope: .log(plan.path), arguments: [plan.path.string])
            append(plan.path, plan.preparation + plan.rotation)
            script(.postrotate, scope: .log(plan.path), arguments: [plan.path.string, plan.finalName.string])
            if !deferred { append(plan.path, plan.completion) }
        }
        guard deferred else { return }
        signal()
        for plan in plans where plan.problem == nil { append(plan.path, plan.completion) }
    }

    /// `signal`: once, after every `postrotate`, when at least one log was renamed (copies keep the process's file).
    private mutating func signal() {
        guard let setting = settings.signal else { return }
        let archives = plans.flatMap { plan in
            plan.rotation.compactMap { step -> FilePath? in
                guard case .rename(plan.path, let target, .rotate) = step else { return nil }
                return target
            }
        }
        guard !archives.isEmpty else { return }
        let delivery = SignalDelivery(signal: setting.signal, target: setting.target, archives: archives)
        result.append(PlannedStep(.block, .signal(delivery)))
    }

    private mutating func script(_ kind: ScriptKind, scope: StepScope, arguments: [String]) {
        guard let text = settings.scripts[kind] else { return }
        result.append(PlannedStep(scope, .runScript(kind, script: text, arguments: arguments)))
    }

    private mutating func append(_ log: FilePath, _ steps: [RotationStep]) {
        result += steps.map { PlannedStep(.log(log), $0) }
    }
}
