import LogrotateConfig
import Platform
import Rotation
import Scheduling
import SystemPackage

/// The rotation side of `logrotated pipe`: finds the block of the configuration that matches the log, and rotates
/// the log with the same `BlockPass` as `rotate` and the daemon (decide, plan, execute, record), pausing and reopening
/// the write loop around the steps that move the file (see ``FileSwitch``).
///
/// Each check takes the state file's lock only for itself (read, rotate, write), as a `rotate` run does, so a state
/// file shared with the daemon or `rotate` works too. Runs on the worker queue only.
final class PipeRotator: @unchecked Sendable {
    // Safety: every method runs on the `PipeWorker` queue, one at a time.
    private let options: PipeOptions
    private let run = RotationRun()
    private let reporter: RunReporter
    /// The block that matches the log, from the last configuration that loaded without errors.
    private(set) var block: LogBlock?

    init(options: PipeOptions, reporter: RunReporter) {
        self.options = options
        self.reporter = reporter
    }

    /// Reads the configuration and keeps the block that owns the log as `rotate` and the daemon see it
    /// (`LogDiscovery.owner`); `false` (keeping the previous block) when the configuration has errors or no block
    /// owns the log.
    func load() -> Bool {
        let configuration = run.loadConfiguration(options.configPaths, reporter: reporter)
        guard !configuration.hasErrors else {
            reporter.error("the configuration has errors; \(block == nil ? "not started" : "keeping the previous one")")
            return false
        }
        let path = options.log.string
        guard let found = LogDiscovery.owner(of: options.log, in: configuration.blocks, fileSystem: run.fileSystem)
        else {
            reporter.error("no block of \(options.configPaths.joined(separator: ", ")) matches \(path)")
            return false
        }
        block = found
        return true
    }

    /// The mode of a log the pipe creates itself: `create`'s, else 0640.
    var newLogPermissions: FilePermissions {
        FilePermissions(rawValue: CModeT(block?.settings.create?.mode ?? 0o640))
    }

    /// Creates the log when it is missing (at start) as a rotation's `create` step creates the new log, through the
    /// same `FileSystem.createFile`: `create`'s mode, owner and group (0640 and this process's user and group for
    /// what `create` leaves out). An existing file is left as it is.
    /// - Throws: `PlatformError` when the file cannot be created or given its owner.
    func createMissingLog() throws(PlatformError) {
        let create = block?.settings.create
        do {
            try run.fileSystem.createFile(
                options.log,
                permissions: UInt32(newLogPermissions.rawValue),
                owner: create?.owner?.id,
                group: create?.group?.id
            )
        } catch  where error.code == .alreadyExists {
            return
        }
    }

    /// Decides the log and rotates it when due, pausing and reopening the writer through `inbox`; returns when to
    /// check next.
    func check(inbox: PipeInbox) -> PipeSchedule {
        let now = WallClock.now().seconds
        guard let block else { return PipeSchedule(retryingAfter: now) }
        let lock: StateLock
        do {
            lock = try StateLock(path: options.statePath, waitingUpTo: options.stateLockTimeout)
        } catch {
            reporter.warning("\(error.description); \(options.log) is checked again in \(PipeSchedule.retryDelay) s")
            return PipeSchedule(retryingAfter: now)
        }
        for line in lock.debugMessages { reporter.debug(line) }
        // The size the decision sees: a file that grew past its limit only after it was found too small is checked
        // again as soon as the loop sees its size, not after `retryDelay`.
        let size = try? run.fileSystem.status(of: options.log, followSymlinks: true)?.size
        let store = StateStore(path: options.statePath, fileSystem: run.fileSystem)
        var state = store.read(reporter: reporter)
        let journal = openJournal()
        var pass = BlockPass(run: run, block: block, options: runOptions(now: now), reporter: reporter)
        pass.journal = journal
        var rotated = false
        if let decided = pass.decide([options.log], state: &state), !decided.due.isEmpty {
            let plan = pass.plan(decided.due)
            let fileSwitch = FileSwitch(plan: plan, log: options.log, inbox: inbox)
            pass.willRunStep = { index, _ in fileSwitch.willRun(index) }
            let report = pass.execute(plan)
            fileSwitch.finish()
            pass.record(report, in: &state)
            rotated = report.result(for: options.log) == .succeeded
        }
        if store.write(state, reporter: reporter) {
            try? journal?.stateRecordedForAll()
            try? journal?.compact()
        }
        lock.release()
        let next = PipeSchedule(
            settings: block.settings,
            lastRotated: state[options.log.string],
            now: now,
            size: rotated ? nil : size,
            rotated: rotated
        )
        reporter.debug("next check of \(options.log): \(next)")
        return next
    }

    private func runOptions(now: Int64) -> RunOptions {
        var runOptions = RunOptions(configPaths: options.configPaths, statePath: options.statePath, now: now)
        runOptions.commandTimeout = options.scriptTimeout
        return runOptions
    }

    /// The journal beside the state file (crash recovery as for `rotate`); `nil` when it cannot be opened.
    private func openJournal() -> RotationJournal? {
        switch RotationJournal.beside(statePath: options.statePath) {
        case .success(let journal): return journal
        case .failure(let error):
            reporter.error("cannot open the rotation journal: \(error.message); rotating without it")
            return nil
        case nil: return nil
        }
    }
}
